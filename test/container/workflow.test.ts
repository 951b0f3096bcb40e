// The GitHub workflow cannot run here; these checks keep it honest: pinned actions, tests before
// the image, both architectures, push to GHCR only for version tags, SBOM and provenance.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'yaml'
import { root } from './docker.ts'

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> }
type Job = {
  needs?: string | string[]
  permissions?: Record<string, string>
  env?: Record<string, string>
  steps: Step[]
}

const path = join(root, '.github', 'workflows', 'ci.yml')
const text = readFileSync(path, 'utf8')
const workflow = parse(text) as {
  on: { push: { tags: string[] } }
  permissions: Record<string, string>
  jobs: Record<string, Job>
}
const jobs = workflow.jobs
/** A GitHub expression as written in the workflow: ${{ ... }}. */
const gh = (expression: string) => `\${{ ${expression} }}`
const step = (job: Job, action: string) =>
  job.steps.find((candidate) => candidate.uses?.startsWith(`${action}@`))

describe('the GitHub workflow', () => {
  test('pins every action to a full commit SHA, with the version it was published as', () => {
    const uses = text.split('\n').filter((line) => /^\s*(-\s*)?uses:/.test(line))
    assert.ok(uses.length >= 7)
    for (const line of uses) {
      assert.match(line, /uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, line.trim())
    }
  })

  test('reads the repository only, except where the image job writes packages', () => {
    assert.deepEqual(workflow.permissions, { contents: 'read' })
    assert.deepEqual(jobs.image?.permissions, { contents: 'read', packages: 'write' })
  })

  test('runs the tests, with CI=true so a missing engine fails, before building the image', () => {
    const tests = jobs.test
    assert.ok(tests)
    assert.equal(tests.env?.CI, 'true')
    assert.ok(tests.steps.some((candidate) => candidate.run === 'npm test'))
    assert.equal(step(tests, 'actions/setup-node')?.with?.['node-version-file'], '.node-version')
    assert.equal(jobs.image?.needs, 'test')
  })

  test('builds for amd64 and arm64 and pushes to GHCR only for version tags', () => {
    const image = jobs.image
    assert.ok(image)
    assert.deepEqual(workflow.on.push.tags, ['v*.*.*'])
    assert.equal(image.env?.PUSH, gh("startsWith(github.ref, 'refs/tags/v')"))
    const build = step(image, 'docker/build-push-action')?.with ?? {}
    assert.equal(build.platforms, 'linux/amd64,linux/arm64')
    assert.equal(build.push, gh("env.PUSH == 'true'"))
    const login = step(image, 'docker/login-action')
    assert.equal(login?.if, "env.PUSH == 'true'")
    assert.equal(login?.with?.registry, 'ghcr.io')
    assert.match(String(step(image, 'docker/metadata-action')?.with?.images), /^ghcr\.io\//)
  })

  test('tags and labels from metadata-action, with SBOM and provenance attestations', () => {
    const build = step(jobs.image as Job, 'docker/build-push-action')?.with ?? {}
    assert.equal(build.tags, gh('steps.meta.outputs.tags'))
    assert.equal(build.labels, gh('steps.meta.outputs.labels'))
    assert.equal(build.sbom, true)
    assert.equal(build.provenance, 'mode=max')
    for (const arg of ['VERSION', 'REVISION', 'CREATED', 'SOURCE_URL']) {
      assert.match(String(build['build-args']), new RegExp(`^${arg}=\\$\\{\\{`, 'm'))
    }
  })
})
