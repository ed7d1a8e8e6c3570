/**
 * Competitors that run on saxes, each in a worker thread of its own that times itself: saxes's hot loop,
 * shared in one isolate by parsers of two shapes (namespaces on and off) or by parsers with different
 * handlers (the codec's, empty ones, a hand-written decoder's), turns polymorphic and slows every parser
 * down, by 2–4× for the two shapes. So the benchmark's isolate runs saxes for the codec alone, as a
 * service does, and each of these runs alone too.
 */
import { Worker } from "node:worker_threads"

/**
 * saxes's bare tokenization without and with namespaces (`saxes.ts`), `handDecoder.ts`, and Effect's own
 * XML event decoder (`effectXml.ts`).
 */
export type IsolatedCompetitor = "saxes-raw" | "saxes-raw-ns" | "hand-written" | "effect-xml"

/** A competitor that runs in a worker thread: `sample(n)` blocks until the worker has run `n` times. */
export interface Isolated {
  readonly sample: (n: number) => number
  readonly close: () => Promise<number>
}

/** `competitor` on `xml` in a worker thread of its own, which collects its garbage before each sample. */
export const isolated = async (
  xml: string,
  competitor: IsolatedCompetitor,
  /** The value's JSON, which a decoding competitor must give before it is timed. */
  expected?: string
): Promise<Isolated> => {
  // [0]: 0 idle, 1 result ready; the result (milliseconds) in the Float64 at byte 8.
  const shared = new SharedArrayBuffer(16)
  const flag = new Int32Array(shared, 0, 1)
  const result = new Float64Array(shared, 8, 1)
  // The worker registers the TypeScript loader itself, then loads its module.
  const loader = import.meta.resolve("tsx/esm/api")
  const module = new URL("./isolatedWorker.ts", import.meta.url).href
  const worker = new Worker(
    `const { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(module)})`,
    { eval: true, workerData: { xml, competitor, expected, shared } }
  )
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve())
    worker.once("error", reject)
  })
  return {
    sample: (n) => {
      Atomics.store(flag, 0, 0)
      worker.postMessage(n)
      Atomics.wait(flag, 0, 0)
      return result[0]!
    },
    close: () => worker.terminate()
  }
}
