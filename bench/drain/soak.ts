// The load test's second part: capacity through nginx, briefly, then a soak at half of it, each
// instance's RSS sampled and judged for a leak after warm-up (bench/rss-growth.ts).
import autocannon from 'autocannon'
import {
  GROWTH_LIMIT,
  JUDGED_SOAK_SECONDS,
  type RssSample,
  rssGrowth,
  rssWindowSeconds,
  windowMeans,
} from '../rss-growth.ts'
import { HOST, memoryKb } from '../servers.ts'
import type { Instance } from './instances.ts'
import { failures, totals } from './requests.ts'
import type { Drain } from './rolling-restart.ts'

const mib = (kb: number) => (kb / 1024).toFixed(1)
const signed = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`

/**
 * The young generation V8 has grown into, from the instance's metrics: under a steady high rate V8
 * doubles it in steps (14, 28, 52 MiB here) while the old generation holds still, which is RSS
 * growth but no leak. What is left of RSS without it is what a leak would grow.
 */
const youngGenerationKb = async (metricsPort: number) => {
  const text = await (await fetch(`http://${HOST}:${metricsPort}/metrics`)).text()
  const match = /^nodejs_heap_space_size_total_bytes\{space="new"\} (\d+)/m.exec(text)
  if (!match) throw new Error('no nodejs_heap_space_size_total_bytes{space="new"} in /metrics')
  return Number(match[1]) / 1024
}

/** Samples each instance every `sampleMs` until stopped: RSS, and RSS less the young generation. */
const sampleRss = (instances: Instance[], sampleMs: number) => {
  const samples = new Map<number, RssSample[]>(instances.map(({ pid }) => [pid, []]))
  const soakStart = performance.now()
  const sampler = setInterval(() => {
    const seconds = (performance.now() - soakStart) / 1_000
    for (const instance of instances) {
      const rssKb = memoryKb(instance).rss
      void youngGenerationKb(instance.metricsPort).then(
        (youngKb) => samples.get(instance.pid)?.push({ seconds, kb: rssKb - youngKb, rssKb }),
        () => {},
      )
    }
  }, sampleMs)
  return () => {
    clearInterval(sampler)
    return samples
  }
}

/** Prints each instance's growth after warm-up and the soak's shape; returns the leaks. */
const judgeRss = (samples: Map<number, RssSample[]>, soakSeconds: number) => {
  let leaks = 0
  for (const [pid, list] of samples) {
    list.sort((a, b) => a.seconds - b.seconds)
    const { baseline, last, growth, judged, leak } = rssGrowth(list, soakSeconds)
    const kbs = list.map(({ rssKb }) => rssKb ?? 0)
    const verdict = !judged ? 'not judged (short soak)' : leak ? 'LEAK' : 'no leak'
    console.log(
      `  RSS less the young generation, pid ${pid}: ${mib(baseline.meanKb)} MiB at ${baseline.from}-${baseline.to} s → ${mib(last.meanKb)} MiB at ${last.from}-${last.to} s ` +
        `(${signed(growth)} after warm-up: ${verdict}); whole RSS first ${mib(kbs[0] ?? 0)}, min ${mib(Math.min(...kbs))}, max ${mib(Math.max(...kbs))} MiB, ${list.length} samples`,
    )
    const shape = windowMeans(list, soakSeconds).map(mib).join(' → ')
    console.log(
      `    mean RSS less the young generation per ${rssWindowSeconds(soakSeconds)} s: ${shape} MiB`,
    )
    if (leak) leaks += 1
  }
  return leaks
}

/** Returns the failed requests plus the instances that leaked. */
export const soak = async (
  { url, nginx, instances }: Drain,
  capacitySeconds: number,
  soakSeconds: number,
) => {
  const capacity = await autocannon({ url, connections: 32, duration: capacitySeconds })
  const capacityRps = Math.round(capacity['2xx'] / capacity.duration)
  const rate = Math.max(1, Math.round(capacityRps / 2))
  const window = rssWindowSeconds(soakSeconds)
  console.log(
    `\n== capacity through nginx: ${capacityRps} req/s (32 connections, ${capacitySeconds} s); soak at ${rate} req/s for ${soakSeconds} s`,
  )
  console.log(
    `  RSS growth after warm-up: mean of ${window}-${2 * window} s against the last ${window} s` +
      (soakSeconds >= JUDGED_SOAK_SECONDS
        ? `; ${GROWTH_LIMIT * 100} % or more is a leak`
        : `; shown, not judged: a soak under ${JUDGED_SOAK_SECONDS} s is too short to tell a leak from warm-up`),
  )
  await nginx.flush()
  const marks = nginx.marks()
  // Ten samples in a window at least, one a second at most.
  const stopSampling = sampleRss(instances, Math.min(1_000, (window * 1_000) / 10))
  const result = totals(
    await autocannon({ url, connections: 16, overallRate: rate, duration: soakSeconds }),
  )
  const samples = stopSampling()
  const failed = await failures(nginx, result, marks)
  return failed + judgeRss(samples, soakSeconds)
}
