/** The worker of `isolated` (see `saxes.ts`): runs saxes on its document `n` times per request. */
import { parentPort, workerData } from "node:worker_threads"
import { saxesRaw } from "./saxes.js"

const { shared, xml, xmlns } = workerData as {
  readonly xml: string
  readonly xmlns: boolean
  readonly shared: SharedArrayBuffer
}
const flag = new Int32Array(shared, 0, 1)
const result = new Float64Array(shared, 8, 1)
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error("run with --expose-gc")

parentPort!.on("message", (n: number) => {
  // As the harness does for the competitors in its own thread: a collection, then one untimed run.
  gc?.()
  saxesRaw(xml, xmlns)
  const start = performance.now()
  for (let k = 0; k < n; k++) saxesRaw(xml, xmlns)
  result[0] = performance.now() - start
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
})
parentPort!.postMessage("ready")
