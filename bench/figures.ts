// Everything one run of the bench measured, as the report prints it and the targets judge it.
import type { ColdStarts } from './phases/cold-start.ts'
import type { HalfRate } from './phases/half-rate.ts'
import type { MaxRate } from './phases/max-rate.ts'
import type { IdleMemory, PeakMemory } from './phases/memory.ts'
import type { Tables } from './phases/tables.ts'
import type { Wire } from './phases/wire.ts'

export type Figures = {
  wire: Wire
  maxRate: MaxRate
  /** With --pipelined. */
  pipelined: MaxRate | undefined
  halfRate: HalfRate
  cold: ColdStarts
  idle: IdleMemory
  peak: PeakMemory
  tables: Tables
}
