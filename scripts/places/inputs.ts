// The generator's pinned inputs: scripts/places/inputs/ has its own package.json and lockfile,
// installed there on demand (scripts/pinned-inputs.ts), so the root install never carries them.
import { installPinnedInputs, type PinnedInputs } from '../pinned-inputs.ts'

export type { PinnedInputs } from '../pinned-inputs.ts'

export const INPUTS_DIR = new URL('./inputs/', import.meta.url)

export const installInputs = (dir: URL = INPUTS_DIR): PinnedInputs => installPinnedInputs(dir)
