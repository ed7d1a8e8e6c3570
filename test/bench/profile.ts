/**
 * `pnpm bench:profile [2KB|350KB|12MB]`: decodes the envelope of that size (12 MB by default) under the V8
 * profiler and prints where the time goes, by function (self time), grouped into saxes, the codec, and the
 * garbage collector. Run on the built packages (`node --import tsx test/bench/profile.ts`), it names lines.
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Result from "effect/Result"
import * as fs from "node:fs"
import * as inspector from "node:inspector"
import { makeInput } from "./inputs.js"

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
}
interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
}

const input = makeInput((process.argv.find((a) => a.endsWith("B")) ?? "12MB") as "12MB")
const decode = XmlCodec.decodeResult(ErpSync.SaveConnectionResponse)
for (let i = 0; i < 3; i++) Result.getOrThrow(decode(input.xml)) // warm up

const session = new inspector.Session()
session.connect()
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result)))
  )

await post("Profiler.enable")
await post("Profiler.setSamplingInterval", { interval: 100 })
await post("Profiler.start")
for (let i = 0; i < (input.size === "12MB" ? 5 : 200); i++) Result.getOrThrow(decode(input.xml))
const { profile } = (await post("Profiler.stop")) as { profile: Profile }
if (process.argv.includes("--save")) fs.writeFileSync("bench/decode-12MB.cpuprofile", JSON.stringify(profile))

const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map<string, number>()
const groups = new Map<string, number>()
for (const id of profile.samples) {
  const frame = byId.get(id)!.callFrame
  const where = frame.url.includes("/saxes/")
    ? "saxes"
    : frame.url.includes("/codec/") || frame.url.includes("/schema/")
    ? "codec"
    : frame.functionName === "(garbage collector)"
    ? "gc"
    : "other"
  groups.set(where, (groups.get(where) ?? 0) + 1)
  const key = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${
    frame.lineNumber + 1
  }`
  self.set(key, (self.get(key) ?? 0) + 1)
}
const total = profile.samples.length
const percent = (n: number) => `${((100 * n) / total).toFixed(1)}%`
console.log(`| group | self time |\n| --- | ---: |`)
for (const [group, n] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`| ${group} | ${percent(n)} |`)
console.log(`\n| function | self time |\n| --- | ---: |`)
for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`| \`${key}\` | ${percent(n)} |`)
