/**
 * The command line as a new user meets it: input errors in plain words, every problem at once, each with
 * its JSON path; one line on standard error for every failure; no colour codes in a pipe; flags that fall
 * back to the environment say so; durations as the library takes them; `--pretty` output that reads back
 * to the same message.
 */
import { XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { ErpSync } from "@erpsync/schema"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import * as fs from "node:fs"
import * as net from "node:net"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { erpsync, runInProcess } from "./support/cli.js"
import { messages } from "./support/messages.js"

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-ux-"))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

let files = 0
const file = (content: string) => {
  const name = path.join(dir, `input-${files++}`)
  fs.writeFileSync(name, content)
  return name
}

// xs:int is a 32-bit two's complement integer (XML Schema Part 2, 3.3.17).
const INT = "an xs:int (a whole number from -2147483648 to 2147483647)"

describe("input errors, in plain words", () => {
  it("name the member by its JSON path, what was expected and what was given", async () => {
    const run = await runInProcess([
      "encode",
      "GetConnectionRequest",
      file(JSON.stringify({ Header: {}, Body: { ErpConnectionId: "one" } }))
    ])
    expect(run.ok).toBe(false)
    expect(run.stderr).toBe(`SchemaError: 1 problem: Body.ErpConnectionId: expected ${INT}, got "one"`)
  })

  it("take a message as small as the WSDL allows: members left out take their defaults, at every depth", async () => {
    // Every member of ErpConnection is minOccurs="0", as in TypeScript: one is enough.
    const run = await runInProcess([
      "encode",
      "SaveConnectionRequest",
      file(JSON.stringify({ Body: { Connection: { ErpConnectorId: 7, ConfigFields: [{ Key: "a", Value: "b" }] } } }))
    ])
    expect(run.stderr).toBe("")
    const decoded = Result.getOrThrow(XmlCodec.decodeResult(ErpSync.SaveConnectionRequest)(run.stdout))
    expect(decoded.Body.Connection).toStrictEqual(
      ErpSync.ErpConnection.make({ ErpConnectorId: 7, ConfigFields: [{ Key: "a", Value: "b" }] })
    )
    // A connection of nothing passes the checks: what fails is the call, to a port nothing listens on.
    const saved = await runInProcess([
      "save-connection",
      "--url",
      "http://127.0.0.1:9/ErpSync.svc",
      "--ticket",
      "t",
      file("{}")
    ])
    expect(saved.stderr).toMatch(/^TransportError: /)
  })

  it("report every problem at once, on one line, required members too", async () => {
    const run = await runInProcess([
      "encode",
      "SaveConnectionRequest",
      file(JSON.stringify({ Body: { Connection: { ErpConnectorId: "7", ConfigFields: [{}], Active: 1 } } }))
    ])
    expect(run.stderr).toBe(
      "SchemaError: 4 problems: " +
        `Body.Connection.ErpConnectorId: expected ${INT}, got "7"; ` +
        "Body.Connection.Active: expected an xs:boolean (true or false), got 1; " +
        "Body.Connection.ConfigFields[0].Key: is missing; " +
        "Body.Connection.ConfigFields[0].Value: is missing"
    )
  })

  it("say \"or null\" for a nillable member, name array items by index, and list an enumeration's values", async () => {
    const connection = {
      TableRight: null,
      FieldProperties: null,
      ErpConnectionId: 0,
      ErpConnectorId: 1.5,
      DisplayName: 3,
      DisplayDescription: null,
      Active: "yes",
      ConnectionId: "",
      MostRecentTimestamp: null,
      ConfigFields: [{ Key: "Url" }],
      Deleted: false,
      AllAccess: false,
      UserGroupAccessIds: [1, "two"],
      AssociateAccessIds: []
    }
    const saved = await runInProcess([
      "save-connection",
      "--url",
      "http://127.0.0.1:9/ErpSync.svc",
      "--ticket",
      "t",
      file(JSON.stringify(connection))
    ])
    expect(saved.stderr).toBe(
      "SchemaError: 5 problems: " +
        `ErpConnectorId: expected ${INT}, got 1.5; ` +
        "DisplayName: expected an xs:string (text) or null, got 3; " +
        "Active: expected an xs:boolean (true or false), got \"yes\"; " +
        "ConfigFields[0].Value: is missing; " +
        `UserGroupAccessIds[1]: expected ${INT}, got "two"`
    )
    const mapping = await runInProcess([
      "call",
      "GetActorTypeMapping",
      "--url",
      "http://127.0.0.1:9/ErpSync.svc",
      "--ticket",
      "t",
      file(JSON.stringify({ ActorType: "Client" }))
    ])
    // ErpActorType's values in the WSDL's order.
    expect(mapping.stderr).toBe(
      "SchemaError: 1 problem: Body.ActorType: expected an ErpActorType: one of \"Unknown\", \"Customer\", " +
        "\"Supplier\", \"Partner\", \"Person\", \"Project\", \"Employee\", \"Sale\", got \"Client\""
    )
  })

  it("never show an object or array given, which may hold a secret: only what it is", async () => {
    const run = await runInProcess([
      "encode",
      "GetConnectionRequest",
      file(
        JSON.stringify({ Header: { Credentials: "7T:a-ticket-in-the-wrong-place" }, Body: { ErpConnectionId: [1] } })
      )
    ])
    expect(run.stderr).not.toContain("a-ticket-in-the-wrong-place")
    expect(run.stderr).toBe(
      "SchemaError: 2 problems: Header.Credentials: expected a SoCredentials or null, got a string (not shown); " +
        `Body.ErpConnectionId: expected ${INT}, got an array of 1`
    )
  })

  it("never show a value given for a secret", async () => {
    const run = await runInProcess([
      "encode",
      "GetConnectionRequest",
      file(JSON.stringify({ Header: { Credentials: { Ticket: 8675309 } }, Body: { ErpConnectionId: 1 } }))
    ])
    expect(run.stderr).toBe(
      "SchemaError: 1 problem: Header.Credentials.Ticket: expected an xs:string (text) or null, got a number (not shown)"
    )
  })
})

describe("failures, one line each, from the executable", () => {
  it.each([
    [["get-connection"], /^Missing required argument: ID$/],
    [["get-connection", "--ticket", "t", "1"], /^InputError: Missing: give --url \(or set ERPSYNC_URL\)$/],
    [
      ["get-connection", "--url", "http://127.0.0.1:9/ErpSync.svc", "--ticket", "t", "--timeout", "5", "1"],
      /^--timeout: "5" is not a duration \(e\.g\. "30 seconds", "500 millis"\)$/
    ],
    [
      ["no-such-command"],
      /^Unknown subcommand "no-such-command" for "erpsync"; use one of decode, encode, operations, /
    ],
    [["operations", "--format", "xml"], /^--format: "xml" is not one of text, json, markdown$/],
    [
      ["get-connection", "--url", "http://127.0.0.1:9/ErpSync.svc", "--ticket", "t", "abc"],
      /^ID: "abc" is not a whole number from -2147483648 to 2147483647$/
    ],
    [["decode", "NoSuchMessage"], /^InputError: UnknownName: no message is named "NoSuchMessage"/],
    // A defect (here the port's check in Node's net module) is one line too, not silence or a stack trace.
    [["serve", "--port", "99999"], /^Defect: options\.port should be >= 0 and < 65536\./],
    // An error that wraps its cause is described by it.
    [["serve", "--host", "999.1.1.1"], /^ServeError: getaddrinfo [A-Z_]+ 999\.1\.1\.1$/]
  ])("erpsync %j", async (args, line) => {
    const run = await erpsync(args)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe("")
    expect(run.stderr.endsWith("\n")).toBe(true)
    expect(run.stderr.slice(0, -1).split("\n")).toHaveLength(1)
    expect(run.stderr.slice(0, -1)).toMatch(line)
  })

  it("--help in a pipe has no colour codes, and the flags that fall back to the environment name it", async () => {
    const run = await erpsync(["get-connection", "--help"])
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain("\u001b[")
    for (
      const variable of [
        "ERPSYNC_URL",
        "ERPSYNC_TICKET",
        "ERPSYNC_USERNAME",
        "ERPSYNC_PASSWORD",
        "ERPSYNC_APPLICATION_TOKEN"
      ]
    ) {
      expect(run.stdout).toContain(variable)
    }
  })

  it.each([
    "",
    "decode",
    "encode",
    "operations",
    "call",
    "template",
    "save-connection",
    "get-connection",
    "delete-connection",
    "conformance",
    "serve",
    "demo",
    "codegen"
  ])("%s --help reads well at 80 columns: what it does, a usage line, examples, no library filler", async (command) => {
    const run = await erpsync([...(command === "" ? [] : [command]), "--help"])
    expect(run.code).toBe(0)
    const lines = run.stdout.trimEnd().split("\n")
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80)
    expect(run.stdout).toContain(`Usage: erpsync ${command === "" ? "<subcommand>" : command}`)
    // At least one example, a whole command line starting with erpsync.
    const examples = run.stdout.slice(run.stdout.indexOf("Examples:"))
    expect(run.stdout).toContain("Examples:")
    expect(examples).toMatch(/^ {4}(?:echo .*\| )?erpsync /m)
    for (
      const filler of [
        "--wizard",
        "--completions",
        "--log-level",
        "A user-defined piece of text",
        "This setting is optional"
      ]
    ) {
      expect(run.stdout).not.toContain(filler)
    }
  })

  it("--timeout is a duration as the library takes it: \"200 millis\" ends a call nobody answers", async () => {
    // A server that accepts the connection and never answers.
    const sockets: Array<net.Socket> = []
    const silent = net.createServer((socket) => void sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve))
    const port = (silent.address() as net.AddressInfo).port
    try {
      const started = Date.now()
      const run = await erpsync([
        "get-connection",
        "--url",
        `http://127.0.0.1:${port}/Remote/Services86/ErpSync.svc`,
        "--ticket",
        "t",
        "--timeout",
        "200 millis",
        "1"
      ])
      expect(run.code).toBe(1)
      expect(run.stderr).toBe("TimeoutError: GetConnection: Deadline: no complete answer within 200 ms\n")
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      for (const socket of sockets) socket.destroy()
      silent.close()
    }
  })
})

describe("--pretty", () => {
  it("encode --pretty indents the envelope, and it decodes to the same message, for every message", async () => {
    for (const { name, schema, service } of messages.filter((m) => m.version === "Services86")) {
      const values = fc.sample(Arbitrary.make(schema), { numRuns: 3, seed: 12 })
      for (const value of values) {
        const json = Schema.encodeSync(schema)(value)
        const run = await runInProcess(["encode", `${service}.${name}`, "--pretty", file(JSON.stringify(json))])
        expect(run.stderr).toBe("")
        const decoded = XmlCodec.decodeResult(schema)(run.stdout)
        expect(decoded._tag, `${name}: ${run.stdout}`).toBe("Success")
        expect(Schema.encodeSync(schema)(Result.getOrThrow(decoded))).toStrictEqual(json)
        if (run.stdout.includes("<s:Body>")) expect(run.stdout).toMatch(/\n {2}<s:Body>\n/)
      }
    }
  })

  it("decode prints one line of JSON, and indented JSON with --pretty", async () => {
    const xml = XmlCodec.encodeResult(messages[0]!.schema)(
      fc.sample(Arbitrary.make(messages[0]!.schema), { numRuns: 1, seed: 3 })[0]
    )
    const input = file(Result.getOrThrow(xml))
    const compact = await runInProcess(["decode", messages[0]!.name, input])
    const pretty = await runInProcess(["decode", messages[0]!.name, "--pretty", input])
    expect(compact.stdout.split("\n")).toHaveLength(1)
    expect(pretty.stdout).toBe(JSON.stringify(JSON.parse(compact.stdout), null, 2))
  })
})
