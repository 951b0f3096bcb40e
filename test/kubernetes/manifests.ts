// Reads deploy/kubernetes the way `kubectl apply -k` would for the parts this project uses
// (resources, namespace, images, components), so the tests need no kustomize binary.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const deployDir = join(repoRoot, 'deploy', 'kubernetes')
export const prometheusComponentDir = join(deployDir, 'components', 'prometheus')
export const timezonedComponentDir = join(deployDir, 'components', 'timezoned')

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export type Resource = JsonObject & {
  apiVersion: string
  kind: string
  metadata: JsonObject & { name: string; labels?: Record<string, string> }
}

export type LoadedResource = { file: string; resource: Resource }

export type ImageOverride = { name: string; newName?: string; newTag?: string; digest?: string }

export type Kustomization = JsonObject & {
  apiVersion: string
  kind: string
  namespace?: string
  resources?: string[]
  components?: string[]
  images?: ImageOverride[]
  patches?: Patch[]
}

/** A kustomize patch as this project writes them: a target and an inline JSON 6902 list. */
export type Patch = { target: { kind: string; name: string }; patch: string }

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function readYamlDocuments(file: string): Json[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'))
  return documents.map((document) => {
    if (document.errors.length > 0) {
      throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`)
    }
    return document.toJS() as Json
  })
}

export function readKustomization(dir: string): Kustomization {
  const [document, ...rest] = readYamlDocuments(join(dir, 'kustomization.yaml'))
  if (!isObject(document) || rest.length > 0) {
    throw new Error(`${dir}/kustomization.yaml must hold exactly one mapping`)
  }
  return document as Kustomization
}

function asResource(value: Json, file: string): Resource {
  if (
    !isObject(value) ||
    typeof value.apiVersion !== 'string' ||
    typeof value.kind !== 'string' ||
    !isObject(value.metadata) ||
    typeof value.metadata.name !== 'string'
  ) {
    throw new Error(`${file}: every document must have apiVersion, kind and metadata.name`)
  }
  return value as Resource
}

// The resource files a kustomization lists, as written (no transformation).
export function loadResourceFiles(dir: string): LoadedResource[] {
  const kustomization = readKustomization(dir)
  return (kustomization.resources ?? []).flatMap((entry) => {
    const file = join(dir, entry)
    if (!existsSync(file)) throw new Error(`${dir}: listed resource ${entry} does not exist`)
    return readYamlDocuments(file)
      .filter((document) => document !== null)
      .map((document) => ({ file: entry, resource: asResource(document, file) }))
  })
}

const clusterScopedKinds = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding'])

// The few kustomize transformers the default build uses: namespace and images.
export function render(dir: string): Resource[] {
  const kustomization = readKustomization(dir)
  return loadResourceFiles(dir).map(({ resource }) => {
    const copy = structuredClone(resource)
    if (kustomization.namespace !== undefined && !clusterScopedKinds.has(copy.kind)) {
      copy.metadata.namespace = kustomization.namespace
    }
    for (const container of podContainers(copy)) {
      container.image = overrideImage(String(container.image), kustomization.images ?? [])
    }
    return copy
  })
}

function overrideImage(image: string, overrides: ImageOverride[]): string {
  const name = image.replace(/[@:][^/]*$/, '')
  const override = overrides.find((candidate) => candidate.name === name)
  if (override === undefined) return image
  const newName = override.newName ?? name
  if (override.digest !== undefined) return `${newName}@${override.digest}`
  return override.newTag === undefined ? newName : `${newName}:${override.newTag}`
}

export function findOne(resources: Resource[], kind: string): Resource {
  const found = resources.filter((resource) => resource.kind === kind)
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`)
  return found[0] as Resource
}

export function field(value: Json | undefined, ...path: (string | number)[]): Json | undefined {
  let current: Json | undefined = value
  for (const key of path) {
    if (typeof key === 'number') {
      current = Array.isArray(current) ? current[key] : undefined
    } else {
      current = isObject(current) ? current[key] : undefined
    }
  }
  return current
}

export function podSpec(resource: Resource): JsonObject {
  const spec = field(resource, 'spec', 'template', 'spec')
  if (!isObject(spec)) throw new Error(`${resource.kind}/${resource.metadata.name} has no pod spec`)
  return spec
}

export function podContainers(resource: Resource): JsonObject[] {
  const spec = field(resource, 'spec', 'template', 'spec')
  if (!isObject(spec)) return []
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap((key) => {
    const list = spec[key]
    return Array.isArray(list) ? list.filter(isObject) : []
  })
}

export function matchLabels(selector: Json | undefined): Record<string, string> {
  const labels = field(selector, 'matchLabels')
  if (!isObject(labels)) throw new Error('selector has no matchLabels')
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, String(value)]))
}

// True when every label the selector asks for is on the object; an empty selector matches all,
// so callers also check that it is not empty when they mean "these pods only".
export function selects(selector: Record<string, string>, labels: Json | undefined): boolean {
  if (!isObject(labels)) return false
  return Object.entries(selector).every(([key, value]) => labels[key] === value)
}

const quantitySuffixes: Record<string, number> = {
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
}

// A Kubernetes resource quantity ("100m", "1", "128Mi") as a plain number.
export function quantity(value: Json | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(m|k|M|G|Ki|Mi|Gi)?$/.exec(String(value))
  if (match === null) throw new Error(`not a quantity this project uses: ${String(value)}`)
  return Number(match[1]) * (quantitySuffixes[match[2] ?? ''] ?? Number.NaN)
}

type Operation = { op: string; path: string; value?: Json }

// An RFC 6901 pointer's tokens: "~1" is "/", "~0" is "~".
const tokens = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))

// The RFC 6902 operations this project's patches use: add (an array's "-" appends) and replace.
function applyOperation(document: Json, { op, path, value }: Operation): void {
  const keys = tokens(path)
  const last = keys.pop() as string
  let parent: Json | undefined = document
  for (const key of keys) parent = field(parent, Array.isArray(parent) ? Number(key) : key)
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last)
    if (op === 'add') parent.splice(index, 0, value as Json)
    else if (op === 'replace' && index < parent.length) parent[index] = value as Json
    else throw new Error(`${op} ${path}: no such element`)
  } else if (isObject(parent) && (op === 'add' || (op === 'replace' && last in parent))) {
    parent[last] = value as Json
  } else {
    throw new Error(`${op} ${path}: not supported here, or no such field`)
  }
}

/**
 * The default build with kustomize Components, as an overlay listing them would render it: each
 * component's resources (namespaced like the rest) and its patches, in order.
 */
export function renderWithComponents(dir: string, components: string[]): Resource[] {
  const resources = render(dir)
  const namespace = readKustomization(dir).namespace
  for (const component of components) {
    for (const { resource } of loadResourceFiles(component)) {
      if (namespace !== undefined) resource.metadata.namespace = namespace
      resources.push(resource)
    }
    for (const { target, patch } of readKustomization(component).patches ?? []) {
      const matched = resources.filter(
        (resource) => resource.kind === target.kind && resource.metadata.name === target.name,
      )
      if (matched.length !== 1) throw new Error(`${component}: patch target ${target.kind}`)
      const [operations] = readYamlText(patch, `${component} patch`)
      if (!Array.isArray(operations)) throw new Error(`${component}: a patch is a list`)
      for (const operation of operations) applyOperation(matched[0] as Json, operation as Operation)
    }
  }
  return resources
}

function readYamlText(text: string, origin: string): Json[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(`${origin}: ${document.errors[0]?.message}`)
    return document.toJS() as Json
  })
}
