import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { deployDir, field, findOne, isObject, podContainers, podSpec, render } from './manifests.ts'
import { restrictedViolations } from './pod-security.ts'

const resources = render(deployDir)
const deployment = findOne(resources, 'Deployment')
const pod = podSpec(deployment)
const containers = podContainers(deployment)

describe('pod security', () => {
  test('the Deployment meets the restricted Pod Security Standard', () => {
    assert.ok(containers.length > 0)
    assert.deepEqual(restrictedViolations(deployment), [])
  })

  test('the restricted check flags a container that breaks the profile', () => {
    const broken = structuredClone(deployment)
    const container = podContainers(broken)[0]
    assert.ok(container)
    container.securityContext = {
      allowPrivilegeEscalation: true,
      capabilities: { add: ['NET_ADMIN'] },
    }
    const spec = podSpec(broken)
    spec.hostNetwork = true
    spec.securityContext = {}
    assert.deepEqual(restrictedViolations(broken), [
      'pod hostNetwork',
      'container moscow-time runAsNonRoot',
      'container moscow-time seccompProfile',
      'container moscow-time allowPrivilegeEscalation',
      'container moscow-time capabilities.drop ALL',
      'container moscow-time capabilities.add',
    ])
  })

  test('every container states each restricted field itself, not only through the pod', () => {
    for (const container of containers) {
      const context = container.securityContext
      assert.ok(isObject(context), `${String(container.name)} has a securityContext`)
      assert.equal(context.runAsNonRoot, true)
      assert.equal(context.allowPrivilegeEscalation, false)
      assert.equal(context.privileged, false)
      assert.deepEqual(field(context, 'capabilities'), { drop: ['ALL'] })
      assert.deepEqual(field(context, 'seccompProfile'), { type: 'RuntimeDefault' })
    }
    assert.equal(field(pod, 'securityContext', 'runAsNonRoot'), true)
    assert.deepEqual(field(pod, 'securityContext', 'seccompProfile'), { type: 'RuntimeDefault' })
  })

  test('every container has a read-only root filesystem and only /tmp is writable', () => {
    for (const container of containers) {
      assert.equal(field(container, 'securityContext', 'readOnlyRootFilesystem'), true)
      assert.deepEqual(container.volumeMounts, [{ name: 'tmp', mountPath: '/tmp' }])
    }
    assert.deepEqual(pod.volumes, [
      { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
    ])
  })

  test('no service account token reaches the pods', () => {
    const account = findOne(resources, 'ServiceAccount')
    assert.equal(pod.automountServiceAccountToken, false)
    assert.equal(account.automountServiceAccountToken, false)
    assert.equal(pod.serviceAccountName, account.metadata.name)
  })

  test('the namespace enforces, audits and warns on the restricted profile', () => {
    const labels = findOne(resources, 'Namespace').metadata.labels ?? {}
    assert.equal(labels['pod-security.kubernetes.io/enforce'], 'restricted')
    assert.equal(labels['pod-security.kubernetes.io/audit'], 'restricted')
    assert.equal(labels['pod-security.kubernetes.io/warn'], 'restricted')
    assert.match(labels['pod-security.kubernetes.io/enforce-version'] ?? '', /^v1\.\d+$/)
  })
})
