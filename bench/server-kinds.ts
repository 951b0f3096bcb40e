// The servers the bench compares, in the tables' order: adding one is one entry here (and, for a
// reference, its bench/ file).

export type ServerKind = {
  /** The key of its figures, and its name in failures. */
  name: string
  /** In headers that list every server ("CPU µs/req minimal / replay / service"). */
  short: string
  /** In headers of its own columns ("Fastify alone, replaying req/s"). */
  label: string
  /** What it is, for the report's head. */
  about: string
  /** A bench/ file bundled as the service is, started as `<bundle> <answers.json> <port> <host>`; the service when absent. */
  entry?: string
  /** It answers each route with the service's captured bytes: checked before the run. */
  replays?: boolean
  /** It answers every path alike: sized once, on FIXED_PATH. */
  fixed?: boolean
  /** Measured once a round, on FIXED_PATH, not once per route: a reference shown for context. */
  oncePerRound?: boolean
  /** Left out when the bench is given this flag. */
  skipFlag?: string
}

/** The minimal floor: the reference every ratio and the cold start are taken against. */
export const MINIMAL = 'minimal'
/** The same-bytes replay floor: each ratio's context, and the half rate's reference. */
export const REPLAY = 'replay'
export const SERVICE = 'service'
/** Where the servers that answer every path alike are sized, and measured when once a round. */
export const FIXED_PATH = '/'

export const SERVER_KINDS: ServerKind[] = [
  {
    name: MINIMAL,
    short: 'minimal',
    label: 'minimal floor',
    about: 'bare node:http, a fixed 30-byte body and two headers',
    entry: 'minimal-floor',
    fixed: true,
  },
  {
    name: 'fastify-minimal',
    short: 'Fastify 30 B',
    label: 'Fastify alone, 30 B',
    about: 'Fastify with nothing registered, the same 30 bytes',
    entry: 'fastify-minimal',
    fixed: true,
    oncePerRound: true,
    skipFlag: '--no-fastify',
  },
  {
    name: REPLAY,
    short: 'replay',
    label: 'replay floor',
    about: "bare node:http replaying the service's answer of each route byte for byte",
    entry: 'replay-floor',
    replays: true,
  },
  {
    name: 'fastify-replay',
    short: 'Fastify replay',
    label: 'Fastify alone, replaying',
    about: 'Fastify with nothing registered, replaying the same bytes',
    entry: 'fastify-replay',
    replays: true,
    skipFlag: '--no-fastify',
  },
  { name: SERVICE, short: 'service', label: 'service', about: 'the production bundle' },
]

export const kindsFor = (args: string[]) =>
  SERVER_KINDS.filter(({ skipFlag }) => skipFlag === undefined || !args.includes(skipFlag))

export const kindOf = (name: string): ServerKind => {
  const kind = SERVER_KINDS.find((known) => known.name === name)
  if (!kind) throw new Error(`no server kind ${name}`)
  return kind
}
