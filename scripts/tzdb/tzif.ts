// Reads a compiled zone (TZif, RFC 8536): its transitions and its POSIX TZ footer.
import type { PosixOffset } from '../../src/time/posix-tz.ts'

/** A time type and the instant (epoch seconds) from which it holds. */
export type Stage = PosixOffset & { at: number }

// TZif (RFC 8536): skip the v1 block, read the 64-bit block and the POSIX TZ footer.
export const readTzif = (buf: Buffer): { stages: Stage[]; footer: string } => {
  if (buf.toString('latin1', 0, 4) !== 'TZif' || buf[4] === 0) throw new Error('not TZif v2+')
  const counts = (at: number) => [0, 1, 2, 3, 4, 5].map((i) => buf.readUInt32BE(at + 20 + i * 4))
  const [isut1 = 0, isstd1 = 0, leap1 = 0, time1 = 0, type1 = 0, char1 = 0] = counts(0)
  const head = 44 + time1 * 5 + type1 * 6 + char1 + leap1 * 8 + isstd1 + isut1
  const [isut = 0, isstd = 0, leap = 0, timeCount = 0, typeCount = 0, charCount = 0] = counts(head)
  let at = head + 44
  const times = Array.from({ length: timeCount }, (_, i) => Number(buf.readBigInt64BE(at + i * 8)))
  at += timeCount * 8
  const typeIndexes = [...buf.subarray(at, at + timeCount)]
  at += timeCount
  const charsAt = at + typeCount * 6
  const types = Array.from({ length: typeCount }, (_, i): PosixOffset => {
    const p = at + i * 6
    const nameAt = charsAt + (buf[p + 5] ?? 0)
    return {
      offset: buf.readInt32BE(p),
      isDst: buf[p + 4] === 1,
      abbreviation: buf.toString('latin1', nameAt, buf.indexOf(0, nameAt)),
    }
  })
  const footerAt = charsAt + charCount + leap * 12 + isstd + isut
  const footer = buf.toString('latin1', footerAt).split('\n')[1] ?? ''
  // Before the first transition, type 0 holds (RFC 8536 section 3.2).
  const first = types[0]
  if (!first) throw new Error('no time types')
  const stages: Stage[] = [{ at: Number.NEGATIVE_INFINITY, ...first }]
  times.forEach((time, i) => {
    const type = types[typeIndexes[i] ?? 0]
    if (type) stages.push({ at: time, ...type })
  })
  return { stages, footer }
}
