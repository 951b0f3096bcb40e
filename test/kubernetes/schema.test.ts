import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  deployDir,
  findOne,
  loadResourceFiles,
  podContainers,
  prometheusComponentDir,
  readKustomization,
  render,
  renderWithComponents,
  timezonedComponentDir,
} from './manifests.ts'
import { kubernetesVersion, schemaProblems } from './schema.ts'

// Fields kustomize documents for a Kustomization today; deprecated ones (commonLabels, bases,
// patchesStrategicMerge, vars, ...) are left out on purpose so they cannot creep in.
const kustomizationFields = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'namespace',
  'namePrefix',
  'nameSuffix',
  'labels',
  'commonAnnotations',
  'resources',
  'components',
  'images',
  'replicas',
  'patches',
  'replacements',
  'configMapGenerator',
  'secretGenerator',
  'generatorOptions',
])

const sampleDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'sample', labels: { app: 'sample' } },
  spec: {
    selector: { matchLabels: { app: 'sample' } },
    template: {
      metadata: { labels: { app: 'sample' } },
      spec: { containers: [{ name: 'sample', image: 'sample:1', securityContext: {} }] },
    },
  },
}

describe(`manifests validate against the Kubernetes ${kubernetesVersion} API schemas`, () => {
  test('the check accepts a minimal valid Deployment', () => {
    assert.deepEqual(schemaProblems(sampleDeployment), [])
  })

  test('the check rejects a misspelt field the schema does not declare', () => {
    const typo = structuredClone(sampleDeployment)
    Object.assign(typo.spec.template.spec.containers[0]?.securityContext ?? {}, {
      readOnlyRootFileSystem: true,
    })
    assert.deepEqual(schemaProblems(typo), [
      'unknown field /spec/template/spec/containers/0/securityContext/readOnlyRootFileSystem',
    ])
  })

  test('the check rejects a wrong type, a missing required field and an unknown kind', () => {
    const wrongType = structuredClone(sampleDeployment)
    Object.assign(wrongType.spec, { replicas: 'three' })
    assert.match(schemaProblems(wrongType).join(), /replicas must be integer/)

    const { selector: _, ...specWithoutSelector } = sampleDeployment.spec
    const missing = { ...sampleDeployment, spec: specWithoutSelector }
    assert.match(schemaProblems(missing).join(), /spec must have required property selector/)

    assert.deepEqual(schemaProblems({ apiVersion: 'apps/v1', kind: 'Deploymnet' }), [
      'no schema for apps/v1/Deploymnet',
    ])
  })

  test('every resource of the default build is valid and has no unknown field', () => {
    const problems = loadResourceFiles(deployDir).flatMap(({ file, resource }) =>
      schemaProblems(resource).map((problem) => `${file} ${resource.kind}: ${problem}`),
    )
    assert.deepEqual(problems, [])
  })

  test('the default build holds exactly the objects the deployment needs', () => {
    const kinds = render(deployDir).map((resource) => resource.kind)
    assert.deepEqual(kinds.toSorted(), [
      'Deployment',
      'HorizontalPodAutoscaler',
      'Namespace',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Service',
      'ServiceAccount',
    ])
  })

  test('every resource with the timezoned component is valid and has no unknown field', () => {
    const problems = renderWithComponents(deployDir, [timezonedComponentDir]).flatMap((resource) =>
      schemaProblems(resource).map((problem) => `${resource.kind}: ${problem}`),
    )
    assert.deepEqual(problems, [])
  })

  test("the Prometheus component's ServiceMonitor is valid for the operator's schema", () => {
    const resources = loadResourceFiles(prometheusComponentDir)
    assert.deepEqual(
      resources.map(({ resource }) => resource.kind),
      ['ServiceMonitor'],
    )
    for (const { resource } of resources) assert.deepEqual(schemaProblems(resource), [])
  })
})

describe('the kustomization', () => {
  const kustomization = readKustomization(deployDir)

  test('is a Kustomization that uses only current kustomize fields', () => {
    assert.equal(kustomization.apiVersion, 'kustomize.config.k8s.io/v1beta1')
    assert.equal(kustomization.kind, 'Kustomization')
    const unknown = Object.keys(kustomization).filter((key) => !kustomizationFields.has(key))
    assert.deepEqual(unknown, [])
  })

  test('puts every namespaced object in its namespace, which no file overrides', () => {
    assert.equal(kustomization.namespace, 'moscow-time')
    const ownNamespaces = loadResourceFiles(deployDir).filter(
      ({ resource }) => resource.metadata.namespace !== undefined,
    )
    assert.deepEqual(
      ownNamespaces.map(({ file }) => file),
      [],
    )
    const namespace = findOne(render(deployDir), 'Namespace')
    assert.equal(namespace.metadata.name, kustomization.namespace)
  })

  test('pins the image tag, which the Deployment leaves to it', () => {
    const deployment = findOne(
      loadResourceFiles(deployDir).map(({ resource }) => resource),
      'Deployment',
    )
    const images = podContainers(deployment).map((container) => String(container.image))
    assert.deepEqual(images, ['moscow-time'])

    const override = kustomization.images?.find((image) => image.name === 'moscow-time')
    assert.ok(override, 'the kustomization sets the moscow-time image')
    assert.match(String(override.newTag), /^\d+\.\d+\.\d+$/, 'a release tag, never latest')

    const rendered = podContainers(findOne(render(deployDir), 'Deployment'))
    assert.deepEqual(
      rendered.map((container) => container.image),
      [`moscow-time:${override.newTag}`],
    )
  })

  test('has the UDP protocol as a separate Component of patches, out of the default build', () => {
    const component = readKustomization(timezonedComponentDir)
    assert.equal(component.apiVersion, 'kustomize.config.k8s.io/v1alpha1')
    assert.equal(component.kind, 'Component')
    assert.equal(component.resources, undefined)
    assert.deepEqual(
      (component.patches ?? []).map((patch) => patch.target.kind),
      ['Deployment', 'Service', 'NetworkPolicy'],
    )
    assert.equal(kustomization.components, undefined)
  })

  test('has the Prometheus support as a separate kustomize Component', () => {
    const component = readKustomization(prometheusComponentDir)
    assert.equal(component.apiVersion, 'kustomize.config.k8s.io/v1alpha1')
    assert.equal(component.kind, 'Component')
    assert.deepEqual(component.resources, ['servicemonitor.yaml'])
  })
})
