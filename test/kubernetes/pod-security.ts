// The "restricted" Pod Security Standard, checked field by field as the admission controller
// does, so a violation shows here instead of as a pod the namespace refuses to create.
import {
  field,
  isObject,
  type Json,
  type JsonObject,
  podContainers,
  type Resource,
} from './manifests.ts'

const allowedVolumeTypes = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
])

const allowedSeccompTypes = new Set(['RuntimeDefault', 'Localhost'])

// A container's setting, falling back to the pod's where Kubernetes does.
function effective(pod: JsonObject, container: JsonObject, ...path: string[]): Json | undefined {
  return field(container, 'securityContext', ...path) ?? field(pod, 'securityContext', ...path)
}

export function restrictedViolations(resource: Resource): string[] {
  const pod = field(resource, 'spec', 'template', 'spec')
  if (!isObject(pod)) return ['no pod template']
  const problems: string[] = []
  const require = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem)
  }

  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) require(pod[key] !== true, `pod ${key}`)
  for (const volume of Array.isArray(pod.volumes) ? pod.volumes.filter(isObject) : []) {
    const types = Object.keys(volume).filter((key) => key !== 'name')
    require(types.every((type) =>
      allowedVolumeTypes.has(type),
    ), `volume ${String(volume.name)} type ${types.join()}`)
  }
  const sysctls = field(pod, 'securityContext', 'sysctls')
  require(!Array.isArray(sysctls) || sysctls.length === 0, 'pod sysctls')

  for (const container of podContainers(resource)) {
    const name = `container ${String(container.name)}`
    require(effective(pod, container, 'runAsNonRoot') === true, `${name} runAsNonRoot`)
    require(effective(pod, container, 'runAsUser') !== 0, `${name} runAsUser 0`)
    require(allowedSeccompTypes.has(
      String(effective(pod, container, 'seccompProfile', 'type')),
    ), `${name} seccompProfile`)
    require(field(container, 'securityContext', 'allowPrivilegeEscalation') ===
      false, `${name} allowPrivilegeEscalation`)
    require(field(container, 'securityContext', 'privileged') !== true, `${name} privileged`)
    const drop = field(container, 'securityContext', 'capabilities', 'drop')
    require(Array.isArray(drop) && drop.includes('ALL'), `${name} capabilities.drop ALL`)
    const add = field(container, 'securityContext', 'capabilities', 'add')
    require(add === undefined ||
      (Array.isArray(add) &&
        add.every((cap) => cap === 'NET_BIND_SERVICE')), `${name} capabilities.add`)
    const procMount = field(container, 'securityContext', 'procMount')
    require(procMount === undefined || procMount === 'Default', `${name} procMount`)
    const ports = Array.isArray(container.ports) ? container.ports.filter(isObject) : []
    require(ports.every(
      (port) => port.hostPort === undefined || port.hostPort === 0,
    ), `${name} hostPort`)
  }
  return problems
}
