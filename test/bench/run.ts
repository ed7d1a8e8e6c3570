/**
 * `pnpm bench`: the codec and the client measured against their peers in one process, as ratios to a
 * baseline measured alongside (these machines are shared and noisy: absolute times mean little).
 * Prints a markdown table and writes `bench/results.json` and `bench/RESULTS.md`.
 */
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { JsonCodec, XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { FetchHttpClient } from "effect/http"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import { execFileSync, spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { builderDocument, fastXmlParser, handWritten, nodeSoap, xmlBuilder } from "./competitors.js"
import { consume, measure, measureAsync, type Options, readable } from "./harness.js"
import { connectionsAndFields, type Input, makeInput, requestOf, type Size } from "./inputs.js"
import { isolated } from "./isolated.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const CHUNK = 64 * 1024

type Row =
  | {
    op: "decode" | "encode" | "call" | "start-up" | "process"
    size: Size | "process" | "12MB-arrays" | "12MB-json"
    baseline: string
    ours: string
    speedup: number
    oursMillis: number
    baselineMillis: number
  }
  | {
    op: "decode-stream-memory"
    size: "12MB"
    heapGrowthOverRetained: number
    peakHeapGrowthMB: number
    retainedMB: number
  }

const OPTIONS: Record<Size, Options> = {
  "2KB": { rounds: 25, warmup: 5, minSampleMillis: 20 },
  "350KB": { rounds: 15, warmup: 3, minSampleMillis: 20 },
  "12MB": { rounds: 5, warmup: 1, minSampleMillis: 0 }
}

const decodeString = XmlCodec.decodeResult(ErpSync.SaveConnectionResponse)
const encodeRequest = XmlCodec.encodeResult(ErpSync.SaveConnectionRequest)

/** Decodes from 64 KiB byte chunks through the push decoder. */
const chunked = <A, I>(schema: Schema.Codec<A, I>) => (bytes: Uint8Array): unknown => {
  const decoder = XmlCodec.makeDecoder(schema)
  for (let i = 0; i < bytes.length; i += CHUNK) Result.getOrThrow(decoder.write(bytes.subarray(i, i + CHUNK)))
  return Result.getOrThrow(decoder.end()).value
}
const decodeChunks = chunked(ErpSync.SaveConnectionResponse)

/** A GetConnectionsAndDisplayFields response of 1,500 connections of 20 fields each (about 12 MB). */
const connectionsResponse = (): Decoding => {
  const input = connectionsAndFields(1500, 20)
  const decode = XmlCodec.decodeResult(ErpSync.GetConnectionsAndDisplayFieldsResponse)
  return {
    size: "12MB-arrays",
    xml: input.xml,
    bytes: input.bytes,
    string: (xml) => Result.getOrThrow(decode(xml)),
    chunks: chunked(ErpSync.GetConnectionsAndDisplayFieldsResponse),
    byHand: false
  }
}

const ratio = (baseline: number, ours: number) => Math.round((baseline / ours) * 100) / 100

const DECODE_BASELINES = [
  "saxes-raw",
  "saxes-raw-ns",
  "hand-written",
  "effect-xml",
  "fast-xml-parser",
  "node-soap"
] as const

/** A message to decode, and how: from one string, and from 64 KiB byte chunks through the push decoder. */
interface Decoding {
  readonly size: Size | "12MB-arrays"
  readonly xml: string
  readonly bytes: Uint8Array
  readonly string: (xml: string) => unknown
  readonly chunks: (bytes: Uint8Array) => unknown
  /** Whether `handDecoder.ts` decodes it (a SaveConnectionResponse). */
  readonly byHand: boolean
}

const saveConnectionResponse = (input: Input): Decoding => ({
  size: input.size,
  xml: input.xml,
  bytes: input.bytes,
  string: (xml) => Result.getOrThrow(decodeString(xml)),
  chunks: decodeChunks,
  byHand: true
})

const decodeRows = async (input: Decoding, soap: Awaited<ReturnType<typeof nodeSoap>>): Promise<Array<Row>> => {
  // Every competitor must succeed on the input before it is timed.
  const value = input.string(input.xml)
  const bare = await isolated(input.xml, "saxes-raw")
  const namespaced = await isolated(input.xml, "saxes-raw-ns")
  const hand = input.byHand ? await isolated(input.xml, "hand-written", JSON.stringify(value)) : undefined
  const effectXml = await isolated(input.xml, "effect-xml")
  const timings = measure([
    { name: "ours-string", run: () => input.string(input.xml) },
    { name: "ours-chunks", run: () => input.chunks(input.bytes) },
    { name: "saxes-raw", run: () => undefined, sample: bare.sample },
    { name: "saxes-raw-ns", run: () => undefined, sample: namespaced.sample },
    ...(hand === undefined ? [] : [{ name: "hand-written", run: () => undefined, sample: hand.sample }]),
    { name: "effect-xml", run: () => undefined, sample: effectXml.sample },
    { name: "fast-xml-parser", run: () => fastXmlParser(input.xml) },
    { name: "node-soap", run: () => soap.parse(input.xml) }
  ], OPTIONS[input.size === "12MB-arrays" ? "12MB" : input.size])
  await bare.close()
  await namespaced.close()
  await hand?.close()
  await effectXml.close()
  const rows: Array<Row> = []
  for (const ours of ["ours-string", "ours-chunks"]) {
    for (const baseline of DECODE_BASELINES.filter((b) => b !== "hand-written" || hand !== undefined)) {
      const o = timings.get(ours)!.median
      const b = timings.get(baseline)!.median
      rows.push({
        op: "decode",
        size: input.size,
        baseline,
        ours: ours === "ours-string" ? "string" : "chunks",
        speedup: ratio(b, o),
        oursMillis: o,
        baselineMillis: b
      })
    }
  }
  return rows
}

const encodeRows = (input: Input, soap: Awaited<ReturnType<typeof nodeSoap>>): Array<Row> => {
  const request = requestOf(input)
  const ours = Result.getOrThrow(encodeRequest(request))
  if (ours !== handWritten(request)) throw new Error("the hand-written encoder does not write the same bytes")
  const document = builderDocument(request)
  const timings = measure([
    { name: "ours", run: () => readable(Result.getOrThrow(encodeRequest(request))) },
    { name: "hand-written", run: () => readable(handWritten(request)) },
    { name: "xmlbuilder", run: () => readable(xmlBuilder(document)) },
    { name: "node-soap", run: () => readable(soap.serialize(request)) }
  ], OPTIONS[input.size])
  const o = timings.get("ours")!.median
  return ["hand-written", "xmlbuilder", "node-soap"].map((baseline) => ({
    op: "encode" as const,
    size: input.size,
    baseline,
    ours: "string",
    speedup: ratio(timings.get(baseline)!.median, o),
    oursMillis: o,
    baselineMillis: timings.get(baseline)!.median
  }))
}

/** Peak heap growth while decoding the 12 MB envelope from 64 KiB chunks, against the value's retained size. */
const memoryRow = (input: Input): Row => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error("run with --expose-gc")
  const chunks: Array<Uint8Array> = []
  for (let i = 0; i < input.bytes.length; i += CHUNK) chunks.push(input.bytes.slice(i, i + CHUNK))
  gc()
  gc()
  const before = process.memoryUsage().heapUsed
  let peak = before
  const decoder = XmlCodec.makeDecoder(ErpSync.SaveConnectionResponse)
  for (const chunk of chunks) {
    Result.getOrThrow(decoder.write(chunk))
    peak = Math.max(peak, process.memoryUsage().heapUsed)
  }
  const value = Result.getOrThrow(decoder.end()).value
  peak = Math.max(peak, process.memoryUsage().heapUsed)
  gc()
  gc()
  const retained = process.memoryUsage().heapUsed - before
  consume(value)
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10
  return {
    op: "decode-stream-memory",
    size: "12MB",
    heapGrowthOverRetained: Math.round(((peak - before) / retained) * 100) / 100,
    peakHeapGrowthMB: mb(peak - before),
    retainedMB: mb(retained)
  }
}

/** `saveConnection` of the 2 KB message against the local server, and a bare fetch posting the same bytes. */
const callRows = async (input: Input): Promise<Array<Row>> => {
  const scope = Effect.runSync(Scope.make())
  const server = await Effect.runPromise(Scope.provide(ErpSyncServer.make({ ticket: "7T:bench-ticket" }), scope))
  const client = await Effect.runPromise(
    ErpSyncClient.make({ url: server.url }).pipe(
      Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make("7T:bench-ticket"))),
      Effect.provide(FetchHttpClient.layer)
    )
  )
  // Id 0: every call creates a connection, through the client and through fetch alike.
  const connection = { ...input.value.Body.Response!, ErpConnectionId: 0 }
  const request = { ...requestOf(input), Body: { Connection: connection } }
  const body = new TextEncoder().encode(Result.getOrThrow(encodeRequest(request)))
  const headers = {
    "content-type": "text/xml; charset=utf-8",
    soapaction: `"${ErpSync.SaveConnection.action}"`
  }
  const timings = await measureAsync([
    { name: "ours", run: () => Effect.runPromise(client.saveConnection(connection)) },
    {
      name: "fetch",
      run: async () => {
        const response = await fetch(server.url, { method: "POST", headers, body })
        return response.arrayBuffer()
      }
    }
  ], { rounds: 15, warmup: 3, minSampleMillis: 30 })
  // The same over the REST WebAPI: the client's JSON against a bare fetch posting the same JSON.
  const rest = await Effect.runPromise(
    ErpSyncClient.make({ url: server.urls.Services88.ErpSync, transport: "rest" }).pipe(
      Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make("7T:bench-ticket"))),
      Effect.provide(FetchHttpClient.layer)
    )
  )
  const json = Result.getOrThrow(
    JsonCodec.encodeResult(ErpSync.SaveConnectionRequest.fields.Body)({ Connection: connection })
  )
  const restHeaders = {
    "content-type": "application/json",
    accept: "application/json",
    authorization: "SOTicket 7T:bench-ticket"
  }
  const restUrl = `${server.webApiUrl}v1/Agents/ErpSync/SaveConnection`
  const restTimings = await measureAsync([
    { name: "ours", run: () => Effect.runPromise(rest.saveConnection(connection)) },
    {
      name: "fetch",
      run: async () => {
        const response = await fetch(restUrl, { method: "POST", headers: restHeaders, body: json })
        return response.arrayBuffer()
      }
    }
  ], { rounds: 15, warmup: 3, minSampleMillis: 30 })
  await Effect.runPromise(Scope.close(scope, Exit.void))
  const row = (timing: typeof timings, ours: string, baseline: string): Row => {
    const o = timing.get("ours")!.median
    const b = timing.get("fetch")!.median
    return { op: "call", size: input.size, baseline, ours, speedup: ratio(b, o), oursMillis: o, baselineMillis: b }
  }
  return [row(timings, "saveConnection", "fetch"), row(restTimings, "saveConnection (REST)", "fetch (REST)")]
}

/**
 * The GetConnectionsAndDisplayFields answer of the arrays row (1,500 connections of 20 fields) as the REST
 * WebAPI sends it, about 12 MB of JSON: decoded by `JsonCodec` into the typed value, against `JSON.parse`
 * alone (no value checked or built to a schema).
 */
const jsonRows = (): Array<Row> => {
  const { value } = connectionsAndFields(1500, 20)
  const schema = ErpSync.GetConnectionsAndDisplayFieldsResponse.fields.Body.fields.Response
  const text = Result.getOrThrow(JsonCodec.encodeResult(schema)(value.Body.Response))
  const decode = JsonCodec.decodeResult(schema)
  const timings = measure([
    { name: "ours", run: () => Result.getOrThrow(decode(text)) },
    { name: "JSON.parse", run: () => JSON.parse(text) as unknown }
  ], { rounds: 9, warmup: 2, minSampleMillis: 50 })
  const o = timings.get("ours")!.median
  const b = timings.get("JSON.parse")!.median
  return [{
    op: "decode",
    size: "12MB-json",
    baseline: "JSON.parse",
    ours: "JsonCodec",
    speedup: ratio(b, o),
    oursMillis: o,
    baselineMillis: b
  }]
}

/** Runs `node ARGS` with its standard output discarded; fails when the process does. */
const node = (args: ReadonlyArray<string>) => () =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    child.on("error", reject)
    child.on(
      "close",
      (code) => (code === 0 ? resolve() : reject(new Error(`node ${args.join(" ")}: ${code}\n${stderr}`)))
    )
  })

const writeTemporary = (name: string, xml: string): string => {
  const file = path.join(os.tmpdir(), `erpsync-bench-${process.pid}-${name}.xml`)
  fs.writeFileSync(file, xml)
  return file
}

const bin = path.join(root, "packages/cli/dist/bin.js")

/**
 * The command line as a whole process, built as it ships (`packages/cli/dist/bin.js`, plain `node`):
 * `erpsync --help`, and `erpsync decode` of the 2 KB message, each against `node -e 0` (Node's own
 * start-up, measured alongside). The wall time of each is in the row too: the target is under 0.5 s.
 */
const startupRows = async (input: Input): Promise<Array<Row>> => {
  const file = writeTemporary("small", input.xml)
  const timings = await measureAsync([
    { name: "node -e 0", run: node(["-e", "0"]) },
    { name: "erpsync --help", run: node([bin, "--help"]) },
    { name: "erpsync decode", run: node([bin, "decode", "SaveConnectionResponse", file]) }
  ], { rounds: 15, warmup: 2, minSampleMillis: 0 })
  fs.rmSync(file)
  const b = timings.get("node -e 0")!.median
  return ["erpsync --help", "erpsync decode"].map((name) => {
    const o = timings.get(name)!.median
    return {
      op: "start-up",
      size: "process",
      baseline: "node -e 0",
      ours: name,
      speedup: ratio(b, o),
      oursMillis: o,
      baselineMillis: b
    }
  })
}

/**
 * `erpsync decode` of the 12 MB envelope as a whole process (file in, JSON out), against a process that
 * reads the same file and tokenizes it with saxes (namespaces on, empty handlers), each less its own
 * start-up: the time of the same process given the 2 KB envelope is subtracted from both.
 */
const processRows = async (small: Input, large: Input): Promise<Array<Row>> => {
  const smallFile = writeTemporary("small", small.xml)
  const largeFile = writeTemporary("large", large.xml)
  const saxes = path.join(root, "test/bench/saxesProcess.mjs")
  const decode = (file: string) => node([bin, "decode", "SaveConnectionResponse", file])
  const timings = await measureAsync([
    { name: "ours-small", run: decode(smallFile) },
    { name: "ours-large", run: decode(largeFile) },
    { name: "saxes-small", run: node([saxes, smallFile]) },
    { name: "saxes-large", run: node([saxes, largeFile]) }
  ], { rounds: 7, warmup: 1, minSampleMillis: 0 })
  fs.rmSync(smallFile)
  fs.rmSync(largeFile)
  const o = timings.get("ours-large")!.median - timings.get("ours-small")!.median
  const b = timings.get("saxes-large")!.median - timings.get("saxes-small")!.median
  return [{
    op: "process",
    size: "12MB",
    baseline: "saxes-raw-ns process",
    ours: "erpsync decode",
    speedup: ratio(b, o),
    oursMillis: o,
    baselineMillis: b
  }]
}

const versionOf = (name: string): string => {
  try {
    const file = path.join(root, "test/node_modules", name, "package.json")
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version
  } catch {
    return "?"
  }
}

/** `pnpm bench [decode] [encode] [memory] [process] [call] [start-up] [arrays] [json] [2KB|350KB|12MB]`: a part of the run. */
const only = process.argv.slice(2)
const wanted = (part: string) => only.filter((a) => !a.endsWith("B")).length === 0 || only.includes(part)
const sizes = (["2KB", "350KB", "12MB"] as const).filter((size) =>
  !only.some((a) => a.endsWith("B")) || only.includes(size)
)

const main = async () => {
  const machine = `${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, ${
    Math.round(os.totalmem() / 2 ** 30)
  } GiB, ${os.platform()} ${os.release()}`
  const versions = {
    node: process.version,
    effect: versionOf("effect"),
    saxes: versionOf("saxes"),
    "fast-xml-parser": versionOf("fast-xml-parser"),
    soap: versionOf("soap")
  }
  console.log(`# Benchmark\n\n${machine}; ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(", ")}\n`)
  const soap = await nodeSoap()
  // The command line as it ships, for the rows that run it.
  if (wanted("start-up") || wanted("process")) {
    execFileSync(process.execPath, [path.join(root, "packages/cli/build.mjs")], { stdio: "inherit" })
  }
  const rows: Array<Row> = []
  const small = makeInput("2KB")
  for (const size of sizes) {
    const input = size === "2KB" ? small : makeInput(size)
    console.error(`${size}: ${(input.bytes.length / 1024).toFixed(0)} KiB …`)
    if (wanted("decode")) rows.push(...(await decodeRows(saveConnectionResponse(input), soap)))
    if (wanted("encode")) rows.push(...encodeRows(input, soap))
    if (size === "12MB" && wanted("memory")) rows.push(memoryRow(input))
    if (size === "12MB" && wanted("process")) rows.push(...(await processRows(small, input)))
    if (size === "2KB" && wanted("call")) rows.push(...(await callRows(input)))
    if (size === "2KB" && wanted("start-up")) rows.push(...(await startupRows(input)))
  }
  if (wanted("arrays") && sizes.includes("12MB")) {
    const arrays = connectionsResponse()
    console.error(
      `12MB-arrays: GetConnectionsAndDisplayFieldsResponse, ${(arrays.bytes.length / 1024).toFixed(0)} KiB …`
    )
    rows.push(...(await decodeRows(arrays, soap)))
  }
  if (wanted("json") && sizes.includes("12MB")) {
    console.error("12MB-json: GetConnectionsAndDisplayFields' answer as the REST WebAPI sends it …")
    rows.push(...jsonRows())
  }
  const lines = [
    "| op | size | ours | baseline | ours (ms) | baseline (ms) | speedup |",
    "| --- | --- | --- | --- | ---: | ---: | ---: |",
    ...rows.map((r) =>
      r.op === "decode-stream-memory"
        ? `| ${r.op} | ${r.size} | peak heap growth ${r.peakHeapGrowthMB} MB | retained value ${r.retainedMB} MB | | | ${r.heapGrowthOverRetained}× of retained |`
        : `| ${r.op} | ${r.size} | ${r.ours} | ${r.baseline} | ${r.oursMillis.toFixed(3)} | ${
          r.baselineMillis.toFixed(3)
        } | ${r.speedup} |`
    )
  ]
  const table = lines.join("\n")
  console.log(table)
  const results = { machine, versions, date: new Date().toISOString(), rows }
  fs.mkdirSync(path.join(root, "bench"), { recursive: true })
  // Only a whole run is the record.
  if (only.length === 0) {
    fs.writeFileSync(path.join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n")
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
