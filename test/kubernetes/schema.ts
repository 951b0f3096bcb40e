// Validates manifests against the Kubernetes API schemas shipped by kubernetes-models (pinned
// in package.json), and rejects fields the schema does not know, as the API server's strict
// field validation (kubectl's default) does. The schemas alone accept unknown fields, so a typo
// such as `readOnlyRootFileSystem` would otherwise pass and silently do nothing.
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler'
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import { Namespace } from 'kubernetes-models/v1/Namespace'
import { Service } from 'kubernetes-models/v1/Service'
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount'

// The Kubernetes release whose OpenAPI schemas kubernetes-models 5.x is generated from.
export const kubernetesVersion = '1.36'

type ModelClass = {
  apiVersion: string
  kind: string
  prototype: { validate(this: unknown): void }
}

const modelClasses: ModelClass[] = [
  Deployment,
  HorizontalPodAutoscaler,
  Namespace,
  NetworkPolicy,
  PodDisruptionBudget,
  Service,
  ServiceAccount,
  ServiceMonitor,
]

const models = new Map(modelClasses.map((model) => [`${model.apiVersion}/${model.kind}`, model]))

type Access = { keys: Set<string>; enumerated: boolean }

// Wraps the document so every property the generated validator reads is recorded. A validator
// reads each property its schema declares; an object whose keys it enumerates is a map
// (labels, resource quantities) and accepts any key.
function trackAccess(root: unknown): { proxy: unknown; accesses: Map<object, Access> } {
  const accesses = new Map<object, Access>()
  const proxies = new WeakMap<object, unknown>()
  const wrap = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value
    const known = proxies.get(value)
    if (known !== undefined) return known
    const access: Access = { keys: new Set(), enumerated: false }
    accesses.set(value, access)
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string') access.keys.add(key)
        return wrap(Reflect.get(target, key, receiver))
      },
      has(target, key) {
        if (typeof key === 'string') access.keys.add(key)
        return Reflect.has(target, key)
      },
      ownKeys(target) {
        access.enumerated = true
        return Reflect.ownKeys(target)
      },
    })
    proxies.set(value, proxy)
    return proxy
  }
  return { proxy: wrap(root), accesses }
}

function unknownFields(value: unknown, accesses: Map<object, Access>, path: string): string[] {
  if (value === null || typeof value !== 'object') return []
  const access = accesses.get(value)
  if (access === undefined) return [path]
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = `${path}/${key}`
    const declared = Array.isArray(value) || access.enumerated || access.keys.has(key)
    return declared ? unknownFields(child, accesses, childPath) : [childPath]
  })
}

// Every reason the API server would refuse the document; empty when it is valid.
export function schemaProblems(document: unknown): string[] {
  const typeMeta = document as { apiVersion?: unknown; kind?: unknown } | null
  const id = `${String(typeMeta?.apiVersion)}/${String(typeMeta?.kind)}`
  const model = models.get(id)
  if (model === undefined) return [`no schema for ${id}`]
  const { proxy, accesses } = trackAccess(document)
  try {
    model.prototype.validate.call(proxy)
  } catch (error) {
    return [(error as Error).message]
  }
  return unknownFields(document, accesses, '').map((path) => `unknown field ${path}`)
}
