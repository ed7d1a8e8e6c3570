/** The worker of `isolated`: runs its competitor on its document `n` times per request. */
import { parentPort, workerData } from "node:worker_threads"
import { effectXmlEvents } from "./effectXml.js"
import { handDecode } from "./handDecoder.js"
import type { IsolatedCompetitor } from "./isolated.js"
import { saxesRaw } from "./saxes.js"

const { competitor, expected, shared, xml } = workerData as {
  readonly xml: string
  readonly competitor: IsolatedCompetitor
  readonly expected: string | undefined
  readonly shared: SharedArrayBuffer
}
const flag = new Int32Array(shared, 0, 1)
const result = new Float64Array(shared, 8, 1)
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error("run with --expose-gc")

const run: (xml: string) => unknown = competitor === "hand-written"
  ? handDecode
  : competitor === "effect-xml"
  ? effectXmlEvents
  : (text) => saxesRaw(text, competitor === "saxes-raw-ns")

if (expected !== undefined && JSON.stringify(run(xml)) !== expected) {
  throw new Error(`${competitor} does not decode the document to the codec's value`)
}

parentPort!.on("message", (n: number) => {
  // As the harness does for the competitors in its own thread: a collection, then one untimed run.
  gc?.()
  run(xml)
  const start = performance.now()
  for (let k = 0; k < n; k++) run(xml)
  result[0] = performance.now() - start
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
})
parentPort!.postMessage("ready")
