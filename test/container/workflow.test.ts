// The GitHub workflow cannot run here; these checks keep it honest: its test job is .ci/run (the
// one definition of CI), pinned actions, tests before the image, both architectures, push to
// GHCR only for version tags, SBOM and provenance.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'yaml'
import { root } from './docker.ts'

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> }
type Job = {
  'runs-on'?: string
  needs?: string | string[]
  permissions?: Record<string, string>
  env?: Record<string, string>
  steps: Step[]
}

const path = join(root, '.github', 'workflows', 'ci.yml')
const ciRun = readFileSync(join(root, '.ci', 'run'), 'utf8')
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

  test('the test job checks out and runs .ci/run, nothing else, before the image is built', () => {
    const tests = jobs.test
    assert.ok(tests)
    assert.equal(tests['runs-on'], 'ubuntu-24.04')
    assert.equal(tests.steps.length, 2)
    const [checkout, run] = tests.steps
    assert.match(String(checkout?.uses), /^actions\/checkout@/)
    assert.equal(checkout?.with?.['persist-credentials'], false)
    assert.deepEqual(run, { run: 'bash .ci/run' })
    // .ci/run owns CI's settings: none is set around it.
    assert.equal(tests.env, undefined)
    assert.equal(jobs.image?.needs, 'test')
  })

  test('.ci/run sets CI=true itself, before anything runs', () => {
    const lines = ciRun.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))
    // set -euo pipefail; cd to the repository; then CI=true for everything after.
    assert.deepEqual(lines.slice(0, 3), [
      'set -euo pipefail',
      'cd "$(dirname "$0")/.."',
      'export CI=true',
    ])
    assert.match(ciRun, /^npm test$/m)
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
