import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  deployDir,
  field,
  findOne,
  isObject,
  type JsonObject,
  matchLabels,
  podContainers,
  podSpec,
  prometheusComponentDir,
  quantity,
  readKustomization,
  render,
  renderWithComponents,
  selects,
  timezonedComponentDir,
} from './manifests.ts'

const resources = render(deployDir)
const deployment = findOne(resources, 'Deployment')
const pod = podSpec(deployment)
const podLabels = field(deployment, 'spec', 'template', 'metadata', 'labels')
const [container] = podContainers(deployment)
const service = findOne(resources, 'Service')

function containerPorts(): JsonObject[] {
  return Array.isArray(container?.ports) ? container.ports.filter(isObject) : []
}

describe('objects select the pods they are meant for', () => {
  test("the Deployment's selector matches its own pod template", () => {
    const selector = matchLabels(field(deployment, 'spec', 'selector'))
    assert.deepEqual(selector, { 'app.kubernetes.io/name': 'moscow-time' })
    assert.ok(selects(selector, podLabels))
  })

  test("the Service sends port 80 to the pods' port http, and 9464 to their port metrics", () => {
    const selector = field(service, 'spec', 'selector')
    assert.ok(isObject(selector) && Object.keys(selector).length > 0, 'a non-empty selector')
    assert.ok(selects(selector as Record<string, string>, podLabels))
    assert.equal(field(service, 'spec', 'type'), 'ClusterIP')
    assert.deepEqual(field(service, 'spec', 'ports'), [
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
      { name: 'metrics', port: 9464, targetPort: 'metrics', protocol: 'TCP', appProtocol: 'http' },
    ])
    assert.deepEqual(
      containerPorts().map((port) => [port.name, port.containerPort]),
      [
        ['http', 8080],
        ['metrics', 9464],
      ],
    )
  })

  test('the PodDisruptionBudget covers the pods and lets one go at a time', () => {
    const budget = findOne(resources, 'PodDisruptionBudget')
    assert.ok(selects(matchLabels(field(budget, 'spec', 'selector')), podLabels))
    assert.equal(field(budget, 'spec', 'maxUnavailable'), 1)
    assert.equal(field(budget, 'spec', 'minAvailable'), undefined)
  })

  test('the NetworkPolicy admits TCP 8080 from anywhere, 9464 from monitoring only, no egress', () => {
    const policy = findOne(resources, 'NetworkPolicy')
    assert.ok(selects(matchLabels(field(policy, 'spec', 'podSelector')), podLabels))
    assert.deepEqual(field(policy, 'spec', 'policyTypes'), ['Ingress', 'Egress'])
    assert.deepEqual(field(policy, 'spec', 'ingress'), [
      { ports: [{ protocol: 'TCP', port: 8080 }] },
      {
        // The label the control plane sets on every namespace to its own name.
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
        ],
        ports: [{ protocol: 'TCP', port: 9464 }],
      },
    ])
    assert.deepEqual(field(policy, 'spec', 'egress'), [])
    const byName = new Map(containerPorts().map((port) => [port.name, port.containerPort]))
    assert.equal(byName.get('http'), 8080)
    assert.equal(byName.get('metrics'), 9464)
  })

  test('topology spread keeps replicas on different nodes and, where possible, zones', () => {
    const constraints = Array.isArray(pod.topologySpreadConstraints)
      ? pod.topologySpreadConstraints.filter(isObject)
      : []
    const byKey = new Map(constraints.map((constraint) => [constraint.topologyKey, constraint]))
    assert.equal(field(byKey.get('kubernetes.io/hostname'), 'whenUnsatisfiable'), 'DoNotSchedule')
    assert.equal(
      field(byKey.get('topology.kubernetes.io/zone'), 'whenUnsatisfiable'),
      'ScheduleAnyway',
    )
    for (const constraint of constraints) {
      assert.equal(constraint.maxSkew, 1)
      assert.ok(selects(matchLabels(constraint.labelSelector), podLabels))
    }
    assert.equal(constraints.length, 2)
  })
})

describe('scaling and rollout', () => {
  const autoscaler = findOne(resources, 'HorizontalPodAutoscaler')

  test('the HorizontalPodAutoscaler scales this Deployment on CPU utilisation', () => {
    assert.deepEqual(field(autoscaler, 'spec', 'scaleTargetRef'), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    })
    assert.deepEqual(field(autoscaler, 'spec', 'metrics'), [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
      },
    ])
    // Utilisation is measured against the request, so there must be one.
    assert.ok(quantity(field(container, 'resources', 'requests', 'cpu')) > 0)
  })

  test('three replicas, which is also the autoscaler floor', () => {
    assert.equal(field(deployment, 'spec', 'replicas'), 3)
    assert.equal(field(autoscaler, 'spec', 'minReplicas'), 3)
    const maxReplicas = Number(field(autoscaler, 'spec', 'maxReplicas'))
    assert.ok(maxReplicas > 3, `maxReplicas ${maxReplicas} leaves room to scale`)
  })

  test('a rollout never goes below the desired count and keeps a short history', () => {
    assert.deepEqual(field(deployment, 'spec', 'strategy'), {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' },
    })
    const history = Number(field(deployment, 'spec', 'revisionHistoryLimit'))
    assert.ok(history >= 2 && history <= 10, `revisionHistoryLimit ${history}`)
  })

  test('requests and limits are set for CPU and memory, memory guaranteed', () => {
    const requests = field(container, 'resources', 'requests')
    const limits = field(container, 'resources', 'limits')
    for (const resource of ['cpu', 'memory']) {
      const request = quantity(field(requests, resource))
      const limit = quantity(field(limits, resource))
      assert.ok(request > 0 && request <= limit, `${resource}: ${request} <= ${limit}`)
    }
    // Equal memory request and limit: the scheduler reserves what the pod may use, so the node
    // never has to OOM-kill it for a neighbour.
    assert.equal(quantity(field(requests, 'memory')), quantity(field(limits, 'memory')))
    // The in-memory /tmp counts against the memory limit; it must be a small part of it.
    const tmp = quantity(field(pod, 'volumes', 0, 'emptyDir', 'sizeLimit'))
    assert.ok(tmp * 4 <= quantity(field(limits, 'memory')), 'the /tmp volume is small')
  })
})

describe('the Prometheus component', () => {
  const [monitor] = render(prometheusComponentDir)

  test("scrapes /metrics through the Service port named metrics, the pods' metrics port", () => {
    assert.equal(monitor?.kind, 'ServiceMonitor')
    assert.ok(selects(matchLabels(field(monitor, 'spec', 'selector')), service.metadata.labels))
    const endpoints = field(monitor, 'spec', 'endpoints')
    assert.ok(Array.isArray(endpoints) && endpoints.length === 1)
    assert.equal(field(endpoints, 0, 'port'), 'metrics')
    assert.equal(field(endpoints, 0, 'path'), '/metrics')
    const ports = field(service, 'spec', 'ports')
    const servicePort = Array.isArray(ports)
      ? ports.filter(isObject).find((port) => port.name === 'metrics')
      : undefined
    // The pods' metrics listener, never the public port (it answers 404 for /metrics).
    assert.equal(servicePort?.targetPort, 'metrics')
  })

  test('stays out of the default build', () => {
    const kustomization = readKustomization(deployDir)
    assert.equal(kustomization.components, undefined)
    assert.ok(!(kustomization.resources ?? []).some((entry) => entry.includes('prometheus')))
    assert.deepEqual(
      resources.filter((resource) => resource.kind === 'ServiceMonitor'),
      [],
    )
  })
})

describe("the timezoned component (ezTime's UDP protocol)", () => {
  const enabled = renderWithComponents(deployDir, [timezonedComponentDir])
  const enabledDeployment = findOne(enabled, 'Deployment')
  const [enabledContainer] = podContainers(enabledDeployment)
  const udp = { protocol: 'UDP', port: 2342 }

  test('adds the variable, the container port, the Service port and the policy rule, nothing else', () => {
    const env = field(enabledContainer, 'env')
    assert.deepEqual(Array.isArray(env) ? env.at(-1) : undefined, {
      name: 'TIMEZONED_PORT',
      value: '2342',
    })
    assert.deepEqual(field(enabledContainer, 'ports', 2), {
      name: 'timezoned',
      containerPort: 2342,
      protocol: 'UDP',
    })
    assert.deepEqual(field(findOne(enabled, 'Service'), 'spec', 'ports', 2), {
      name: 'timezoned',
      port: 2342,
      targetPort: 'timezoned',
      protocol: 'UDP',
    })
    // From anywhere, as the public HTTP port; the other rules unchanged.
    const ingress = field(findOne(enabled, 'NetworkPolicy'), 'spec', 'ingress')
    assert.deepEqual(Array.isArray(ingress) ? ingress.at(-1) : undefined, { ports: [udp] })
    // Take the additions away and the default build is left.
    const stripped = structuredClone(enabled)
    const strip = (list: unknown) => Array.isArray(list) && list.pop()
    const deployment = findOne(stripped, 'Deployment')
    strip(field(podContainers(deployment)[0], 'env'))
    strip(field(podContainers(deployment)[0], 'ports'))
    strip(field(findOne(stripped, 'Service'), 'spec', 'ports'))
    strip(field(findOne(stripped, 'NetworkPolicy'), 'spec', 'ingress'))
    assert.deepEqual(stripped, resources)
  })

  test('without it, no UDP port is open anywhere and the app is not asked to serve one', () => {
    const text = JSON.stringify(resources)
    assert.doesNotMatch(text, /UDP|TIMEZONED|2342/)
  })
})
