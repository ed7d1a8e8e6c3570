/**
 * Interleaved timing in one process: every competitor runs once per round, in a rotating order, after
 * warm-up rounds; each sample repeats a run enough times to last a few milliseconds, after a full
 * collection and one untimed run; results are medians.
 */

export interface Competitor {
  readonly name: string
  readonly run: () => unknown
  /** For a competitor that runs elsewhere (a worker thread): runs `n` times there, gives the milliseconds. */
  readonly sample?: (n: number) => number
}

export interface Timing {
  readonly name: string
  /** Median milliseconds per run. */
  readonly median: number
  readonly samples: number
}

export interface Options {
  readonly rounds: number
  readonly warmup: number
  /** A sample repeats the run until it lasts at least this long. */
  readonly minSampleMillis: number
}

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.()

let sink: unknown
let flattened = 0

/**
 * `text` made readable: V8 keeps a string built by concatenation as a rope, a node per piece, until
 * something reads it, and the first read flattens it. An encoder's output is read (to be sent), so every
 * encoder is timed with its text flattened.
 */
export const readable = (text: string): string => {
  flattened ^= text.charCodeAt(0)
  sink = flattened
  return text
}

/** Keeps results alive so that no run is optimised away. */
export const consume = (value: unknown) => {
  sink = value
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const measure = (competitors: ReadonlyArray<Competitor>, options: Options): Map<string, Timing> => {
  // Calibrate: how many runs make one sample, from the last of runs lasting at least 50 ms in all (the
  // first runs are cold).
  const repeats = new Map<string, number>()
  for (const c of competitors) {
    let once = 0
    for (let spent = 0, k = 0; spent < 50 || k < 3; spent += once, k++) {
      const start = performance.now()
      const elsewhere = c.sample?.(1)
      if (elsewhere === undefined) consume(c.run())
      once = Math.max(elsewhere ?? performance.now() - start, 0.001)
    }
    repeats.set(c.name, Math.max(1, Math.ceil(options.minSampleMillis / once)))
  }
  const samples = new Map<string, Array<number>>(competitors.map((c) => [c.name, []]))
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (let i = 0; i < competitors.length; i++) {
      const c = competitors[(i + round) % competitors.length]!
      const n = repeats.get(c.name)!
      // Collect the previous competitor's garbage outside the timing, so that nobody pays for another.
      collectGarbage()
      let perRun: number
      if (c.sample !== undefined) perRun = c.sample(n) / n
      else {
        // A collection this frequent is no workload's: it drops code optimised for the classes of the
        // objects it frees, and the first runs after it would run cold. One untimed run compiles again.
        consume(c.run())
        const start = performance.now()
        for (let k = 0; k < n; k++) consume(c.run())
        perRun = (performance.now() - start) / n
      }
      if (round >= options.warmup) samples.get(c.name)!.push(perRun)
    }
  }
  void sink
  return new Map(
    competitors.map((
      c
    ) => [c.name, { name: c.name, median: median(samples.get(c.name)!), samples: samples.get(c.name)!.length }])
  )
}

/** The same for asynchronous runs (HTTP calls). */
export const measureAsync = async (
  competitors: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<unknown> }>,
  options: Options
): Promise<Map<string, Timing>> => {
  const samples = new Map<string, Array<number>>(competitors.map((c) => [c.name, []]))
  const repeats = new Map<string, number>()
  for (const c of competitors) {
    const start = performance.now()
    await c.run()
    repeats.set(c.name, Math.max(1, Math.ceil(options.minSampleMillis / Math.max(performance.now() - start, 0.001))))
  }
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (let i = 0; i < competitors.length; i++) {
      const c = competitors[(i + round) % competitors.length]!
      const n = repeats.get(c.name)!
      const start = performance.now()
      for (let k = 0; k < n; k++) consume(await c.run())
      if (round >= options.warmup) samples.get(c.name)!.push((performance.now() - start) / n)
    }
  }
  return new Map(
    competitors.map((
      c
    ) => [c.name, { name: c.name, median: median(samples.get(c.name)!), samples: samples.get(c.name)!.length }])
  )
}
