/**
 * `erpsync conformance` against the local server: every law holds, with and without `--allow-writes`,
 * and the server holds afterwards what it held before. In front of it, a lossy endpoint (a proxy that
 * drops the first ConfigFields pair of every connection it gives back) makes the run fail, naming the law
 * and the field.
 */
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import { spawn } from "node:child_process"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { root, runInProcess } from "./support/cli.js"

const TICKET = "7T:cli-conformance"
const scope = Effect.runSync(Scope.make())
let server: ErpSyncServer.ErpSyncServer
const lossyServers: Array<http.Server> = []

/** A proxy in front of the local server that changes GetConnection's answers with `rewrite`. */
const lossyEndpoint = async (rewrite: (body: string) => string): Promise<string> => {
  const target = new URL(server.url)
  const proxy = http.createServer((request, response) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => {
      const forwarded = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: request.url,
          method: request.method,
          headers: request.headers
        },
        (answer) => {
          const parts: Array<Buffer> = []
          answer.on("data", (part: Buffer) => parts.push(part))
          answer.on("end", () => {
            let body = Buffer.concat(parts).toString("utf8")
            if (body.includes("GetConnectionResponse")) body = rewrite(body)
            const headers = { ...answer.headers, "content-length": String(Buffer.byteLength(body)) }
            response.writeHead(answer.statusCode ?? 500, headers).end(body)
          })
        }
      )
      forwarded.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve))
  lossyServers.push(proxy)
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`
}

beforeAll(async () => {
  server = await Effect.runPromise(Scope.provide(ErpSyncServer.make({ ticket: TICKET }), scope))
})
afterAll(async () => {
  for (const proxy of lossyServers) proxy.close()
  await Effect.runPromise(Scope.close(scope, Exit.void))
})

/** `erpsync conformance` in this process against `url`, with the test's ticket and `args`. */
const conformance = (url: string, ...args: ReadonlyArray<string>) =>
  runInProcess(["conformance", "--url", url, "--ticket", TICKET, ...args])

const READ_LAWS = [
  "every answer to a reading operation is a valid message, or a typed refusal in band",
  "a read asked twice is answered the same",
  "a call with a ticket the service does not know is refused as TicketSource.isTicketRejected expects"
]
const WRITE_LAWS = [
  "SaveConnection keeps what it is given: GetConnection reads it back (empty, nil, order and text kept)",
  "an update is read back",
  "ToggleErpConnectionActive flips Active, and a second call flips it back",
  "after DeleteConnection, GetConnection gives nil"
]

describe("erpsync conformance against the local server", () => {
  it("without --allow-writes: the reading laws hold, and nothing is written", async () => {
    const before = await Effect.runPromise(server.state)
    const run = await conformance(server.url, "--seed", "11")
    expect(run.stderr).toBe("")
    expect(run.ok).toBe(true)
    expect(run.stdout).toBe(
      [...READ_LAWS.map((law) => `PASS  ${law}`), "3 of 3 laws held (seed 11; replay with --seed 11)"].join("\n")
    )
    expect(await Effect.runPromise(server.state)).toStrictEqual(before)
  })

  it("with --allow-writes: every law holds, and it deletes everything it created", async () => {
    const before = await Effect.runPromise(server.state)
    const run = await conformance(server.url, "--allow-writes", "--runs", "25", "--seed", "12")
    expect(run.stderr).toBe("")
    expect(run.ok).toBe(true)
    const lines = run.stdout.split("\n")
    expect(lines.slice(0, 7)).toStrictEqual([...READ_LAWS, ...WRITE_LAWS].map((law) => `PASS  ${law}`))
    expect(lines[7]).toBe("7 of 7 laws held (seed 12; replay with --seed 12)")
    expect(lines[8]).toMatch(/^deleted what this run created: \d+ connections and connector entity \d+$/)
    expect(await Effect.runPromise(server.state)).toStrictEqual(before)
  })

  it("against an endpoint that drops a ConfigFields pair: fails, naming the law, the connection and the field", async () => {
    // The first StringKeyValuePair of every connection read is left out.
    const lossyUrl = await lossyEndpoint((body) =>
      body.replace(/<StringKeyValuePair>[\s\S]*?<\/StringKeyValuePair>/, "")
    )
    const run = await conformance(lossyUrl, "--allow-writes", "--only", "SaveConnection keeps", "--seed", "13")
    expect(run.ok).toBe(false)
    expect(run.stdout).toContain(`FAIL  ${WRITE_LAWS[0]}`)
    expect(run.stdout).toMatch(/connection \d+: ConfigFields: sent \[\{"Key":.*, read back \[/)
    expect(run.stdout).toContain("0 of 1 laws held (seed 13; replay with --seed 13)")
    expect(run.stderr).toBe("ConformanceError: LawsFailed: 1 of 1 laws failed")
  })

  it("against an endpoint that turns empty strings into nil: fails, naming the field sent empty", async () => {
    const lossyUrl = await lossyEndpoint((body) =>
      body.replace(/<(DisplayName|DisplayDescription)(?:\/>|><\/\1>)/g, "<$1 i:nil=\"true\"/>")
    )
    const run = await conformance(lossyUrl, "--allow-writes", "--only", "SaveConnection keeps", "--seed", "14")
    expect(run.ok).toBe(false)
    expect(run.stdout).toContain(`FAIL  ${WRITE_LAWS[0]}`)
    expect(run.stdout).toMatch(/connection \d+: (DisplayName|DisplayDescription): sent "", read back null/)
  })
})

describe("erpsync conformance, against a service that cuts long text", () => {
  it("fails, naming the field cut: names and values of hundreds to thousands of characters are sent", async () => {
    // A column of 255 characters: what GetConnection reads back is cut there.
    const cutting = await lossyEndpoint((body) =>
      body.replace(/<(DisplayName|DisplayDescription|Value)>([^<]{255})[^<]+<\/\1>/g, "<$1>$2</$1>")
    )
    const run = await conformance(cutting, "--allow-writes", "--only", "SaveConnection keeps", "--seed", "15")
    expect(run.ok).toBe(false)
    expect(run.stdout).toContain(`FAIL  ${WRITE_LAWS[0]}`)
    expect(run.stdout).toMatch(/connection \d+: (DisplayName|DisplayDescription|ConfigFields): sent /)
  })

  it("holds against the local server, over SOAP and over the REST WebAPI", async () => {
    for (const transport of ["soap", "rest"]) {
      const run = await conformance(
        server.urls.Services88.ErpSync,
        "--allow-writes",
        "--transport",
        transport,
        "--only",
        "SaveConnection keeps",
        "--seed",
        "16"
      )
      expect([transport, run.ok, run.stderr]).toStrictEqual([transport, true, ""])
    }
  })
})

describe("erpsync conformance, interrupted", () => {
  it("deletes what it created when stopped with Ctrl-C halfway, and says so", async () => {
    const before = await Effect.runPromise(server.state)
    const child = spawn(process.execPath, [
      path.join(root, "packages/cli/dist/bin.js"),
      "conformance",
      "--url",
      server.url,
      "--ticket",
      TICKET,
      "--allow-writes",
      "--runs",
      "100000",
      "--only",
      "SaveConnection keeps"
    ], { stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    // Halfway: once it has saved connections of its own.
    for (let i = 0; i < 200 && (await Effect.runPromise(server.state)).connections.length < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect((await Effect.runPromise(server.state)).connections.length).toBeGreaterThanOrEqual(5)
    const code = await new Promise<number | null>((resolve) => {
      child.on("close", resolve)
      child.kill("SIGINT")
    })
    expect(code).toBe(130)
    expect(stdout).toMatch(/deleted what this run created: \d+ connections and connector entity \d+/)
    expect(await Effect.runPromise(server.state)).toStrictEqual(before)
  })
})
