// The servers the bench compares, in the tables' order: adding one is one entry here (and, for a
// reference, its bench/ file).

export type ServerKind = {
  /** The key of its figures, and its name in failures. */
  name: string
  /** In headers that list every server ("CPU µs/req floor / Fastify / service"). */
  short: string
  /** In headers of its own columns ("Fastify alone req/s"). */
  label: string
  /** A bench/ file bundled as the service is, started as `<bundle> <answers.json> <port> <host>`; the service when absent. */
  entry?: string
  /** It answers each route with the service's captured bytes: checked before the run. */
  replays?: boolean
  /** Measured only when the bench is given this flag. */
  flag?: string
}

/** The reference every ratio is taken against. */
export const FLOOR = 'floor'
export const SERVICE = 'service'

export const SERVER_KINDS: ServerKind[] = [
  { name: FLOOR, short: 'floor', label: 'floor', entry: 'floor-server', replays: true },
  {
    name: 'fastify',
    short: 'Fastify',
    label: 'Fastify alone',
    entry: 'fastify-floor',
    replays: true,
    flag: '--fastify',
  },
  { name: SERVICE, short: 'service', label: 'service' },
]

export const kindsFor = (args: string[]) =>
  SERVER_KINDS.filter(({ flag }) => flag === undefined || args.includes(flag))

export const kindOf = (name: string): ServerKind => {
  const kind = SERVER_KINDS.find((known) => known.name === name)
  if (!kind) throw new Error(`no server kind ${name}`)
  return kind
}
