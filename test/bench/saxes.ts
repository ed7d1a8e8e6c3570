/**
 * saxes's raw tokenization, with empty `opentag`, `text` and `closetag` handlers: the ceiling of any
 * saxes-based decoder. Two forms: with saxes's namespace support (`xmlns: true`, what a decoder that
 * leaves namespaces to saxes pays) and without it (`xmlns: false`, the bare tokenizer the codec runs).
 *
 * Both run in worker threads of their own (`isolated`), each timing itself: saxes's hot loop, shared in
 * one isolate by parsers of two shapes (namespaces on and off) or by parsers with different handlers
 * (the codec's and these empty ones), turns polymorphic and slows every parser down, by 2–4× for the
 * two shapes. So the benchmark's isolate runs saxes for the codec alone, as a service does.
 */
import { Worker } from "node:worker_threads"
import { SaxesParser } from "saxes"

const noop = () => {}

/**
 * The handler fields are declared first, exactly as the codec declares them: saxes's `on` adds them with
 * keyed stores, which (past a few) turn the parser into a slow dictionary-mode object.
 */
const makeParser = (xmlns: boolean): SaxesParser => {
  const parser = new SaxesParser({ xmlns })
  const fields = parser as unknown as Record<string, unknown>
  fields.errorHandler = undefined
  fields.xmldeclHandler = undefined
  fields.doctypeHandler = undefined
  fields.piHandler = undefined
  fields.attributeHandler = undefined
  fields.openTagHandler = undefined
  fields.closeTagHandler = undefined
  fields.textHandler = undefined
  fields.cdataHandler = undefined
  parser.on("opentag", noop)
  parser.on("text", noop)
  parser.on("closetag", noop)
  return parser
}

/**
 * One idle parser of each form used, kept alive as the codec keeps an idle decoder: once no parser of a
 * shape is alive, a major GC (the harness collects before every sample) drops the code optimised for it,
 * and every sample would start cold.
 */
const warm = new Map<boolean, SaxesParser>()

export const saxesRaw = (xml: string, xmlns: boolean): void => {
  if (!warm.has(xmlns)) warm.set(xmlns, makeParser(xmlns))
  makeParser(xmlns).write(xml).close()
}

/** A competitor that runs in a worker thread: `sample(n)` blocks until the worker has run `n` times. */
export interface Isolated {
  readonly sample: (n: number) => number
  readonly close: () => Promise<number>
}

/** `saxesRaw(xml, xmlns)` in a worker thread of its own, which collects its garbage before each sample. */
export const isolated = async (xml: string, xmlns: boolean): Promise<Isolated> => {
  // [0]: 0 idle, 1 result ready; the result (milliseconds) in the Float64 at byte 8.
  const shared = new SharedArrayBuffer(16)
  const flag = new Int32Array(shared, 0, 1)
  const result = new Float64Array(shared, 8, 1)
  // The worker registers the TypeScript loader itself, then loads its module.
  const loader = import.meta.resolve("tsx/esm/api")
  const module = new URL("./saxesWorker.ts", import.meta.url).href
  const worker = new Worker(
    `const { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(module)})`,
    { eval: true, workerData: { xml, xmlns, shared } }
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
