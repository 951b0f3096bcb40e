// Runs zic, tzdb's compiler (Debian: libc-bin, in /usr/sbin).
import { spawnSync } from 'node:child_process'

/** Compiles tzdb source with zic into `outDir` ("fat": every transition to 2037 listed). */
export const compileZi = (ziFile: string, outDir: string) => {
  const zic = spawnSync('zic', ['-b', 'fat', '-d', outDir, ziFile], { encoding: 'utf8' })
  if (zic.error || zic.status !== 0)
    throw new Error(`zic failed (Debian: libc-bin): ${zic.error?.message ?? zic.stderr}`)
}
