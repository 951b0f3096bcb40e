/** Shared by the process wiring and the probes: readiness turns false the moment shutdown begins. */
export type Lifecycle = { ready: boolean }
