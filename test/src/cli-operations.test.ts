/**
 * `erpsync operations` and `erpsync call` for every operation of both services, against the local
 * server: in process for all 49 (the same command as the executable runs), and as the executable for a
 * few. The README's table of operations is `erpsync operations --format markdown`.
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { services } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as fc from "fast-check"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { erpsync, erpsyncInTerminal, root, runInProcess } from "./support/cli.js"

const TICKET = "7T:cli-operations"

const operations = Object.values(services).flatMap((service) =>
  Object.values(service.operations as Record<string, Service.AnyOperation>)
)

let url = ""
const scope = Effect.runSync(Scope.make())
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-call-"))
beforeAll(async () => {
  const server = await Effect.runPromise(Scope.provide(ErpSyncServer.make({ ticket: TICKET }), scope))
  url = server.url
})
afterAll(async () => {
  await Effect.runPromise(Scope.close(scope, Exit.void))
  fs.rmSync(dir, { recursive: true, force: true })
})

describe("erpsync operations", () => {
  it("lists the 49 operations of ErpSync (44 at Services86) and the 5 of SoPrincipal, with their versions, SOAPActions and members", async () => {
    const listed = await runInProcess(["operations", "--format", "json"])
    expect(listed.ok).toBe(true)
    const rows = JSON.parse(listed.stdout) as Array<{ service: string; operation: string; versions: Array<string> }>
    expect(rows.filter((r) => r.service === "ErpSync")).toHaveLength(49)
    expect(rows.filter((r) => r.service === "ErpSync" && r.versions.includes("Services86"))).toHaveLength(44)
    // The five Services88 added (the vendor's list: REST.md, the reference README).
    expect(rows.filter((r) => r.versions.length === 1).map((r) => r.operation).sort()).toStrictEqual([
      "ForceResyncExternalNoBlankValues",
      "ForceResyncNoBlankValues",
      "GetAllConnections",
      "GetAllConnectors",
      "TryConnectActor"
    ])
    expect(rows.find((r) => r.operation === "GetAllConnections")).toStrictEqual({
      service: "ErpSync",
      operation: "GetAllConnections",
      versions: ["Services88"],
      actions: { Services88: "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetAllConnections" },
      // The first sentence of the operation's doc (wsdl/ErpSync88.docs.json).
      description: expect.stringMatching(/^[A-Z].*\.$/),
      request: ["IncludeDeleted?: boolean"],
      response: ["Response?: ArrayOfErpConnection | null"]
    })
    expect(rows.filter((r) => r.service === "SoPrincipal").map((r) => r.operation)).toStrictEqual([
      "GetSystemInfo",
      "AuthenticateImplicit",
      "AuthenticateUsernamePassword",
      "AuthenticateGeneric",
      "AuthenticateWithAccessToken"
    ])
    expect(rows.find((r) => r.operation === "TestConnectionByConfig")).toStrictEqual({
      service: "ErpSync",
      operation: "TestConnectionByConfig",
      versions: ["Services86", "Services88"],
      actions: {
        Services86: "http://www.superoffice.net/ws/crm/NetServer/Services86/ErpSync/TestConnectionByConfig",
        Services88: "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/TestConnectionByConfig"
      },
      description:
        "Tests a connection with the given configuration values, which are not saved; true when the connector can be reached with them.",
      request: ["ErpConnectionId?: int", "ConfigFields?: StringDictionary | null"],
      response: ["Response?: boolean"]
    })
  })

  it("in Markdown, is the README's table of operations", async () => {
    const table = await runInProcess(["operations", "--format", "markdown"])
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")
    expect(readme).toContain(table.stdout.trim())
    expect(table.stdout).toContain(
      "| `SaveConnection` | Saves a connection: `ErpConnectionId` 0 creates one, another id updates that one. | 86, 88 | `Connection?: ErpConnection \\| null` |"
    )
    expect(table.stdout).toMatch(
      /\| `GetAllConnectors` \| [^|]+ \| 88 \| {2}\| `Response\?: ArrayOfListItem \\\| null` \|/
    )
    // Every operation says what it does.
    expect(table.stdout).not.toMatch(/^\| `\w+` \| {2}\|/m)
  })
})

/** A file in the test's folder holding `content` (as JSON unless it is text). */
let written = 0
const file = (content: unknown): string => {
  const name = path.join(dir, `template-${written++}.json`)
  fs.writeFileSync(name, typeof content === "string" ? content : JSON.stringify(content))
  return name
}

describe("erpsync template", () => {
  it.each(operations.map((o) => [`${o.service}.${o.name}`, o] as const))(
    "%s: the request body's skeleton is one the operation takes, every member present",
    async (_, operation) => {
      const printed = await runInProcess(["template", operation.name])
      expect(printed.ok, printed.stderr).toBe(true)
      const body = JSON.parse(printed.stdout) as Record<string, unknown>
      // Every member of the request body, in the WSDL's order.
      const element = XmlCodec.describe(operation.request).elements[0]!
      const members = element.type.kind === "complex"
        ? (element.type.sequence ?? XmlCodec.describe(operation.request).types.get(
          `{${element.type.name!.namespace}}${element.type.name!.name}`
        ) ?? []).map((m) => m.name)
        : []
      expect(Object.keys(body)).toStrictEqual(members)
      // What the command line reads as that operation's request, unchanged.
      const encoded = await runInProcess(["encode", operation.requestMessage, file({ Header: {}, Body: body })])
      expect(encoded.ok, encoded.stderr).toBe(true)
      const decoded = await runInProcess(["decode", operation.requestMessage, file(encoded.stdout)])
      expect((JSON.parse(decoded.stdout) as { Body: unknown }).Body).toStrictEqual(body)
    }
  )

  it("a type, where a message first has it, with its complex members filled in; an unknown name gets the closest", async () => {
    const connection = JSON.parse((await runInProcess(["template", "ErpConnection"])).stdout) as Record<string, unknown>
    expect(connection).toMatchObject({
      ErpConnectionId: 0,
      DisplayName: null,
      Active: false,
      TableRight: { Mask: [], Reason: null },
      ConfigFields: [{ Key: "", Value: "" }],
      UserGroupAccessIds: []
    })
    expect(JSON.parse((await runInProcess(["template", "ChangeEngineInterval"])).stdout)).toStrictEqual({
      Interval: "PT0S"
    })
    const unknown = await runInProcess(["template", "ErpConection"])
    expect(unknown.ok).toBe(false)
    expect(unknown.stderr).toContain(`"ErpConection" (did you mean ErpConnection`)
  })
})

describe("erpsync call, for every operation", () => {
  it.each(operations.map((o) => [`${o.service}.${o.name}`, o] as const))(
    "%s: an arbitrary request body in, the response body out (or the service's refusal, in one line)",
    async (name, operation) => {
      const [message] = fc.sample(Arbitrary.make(operation.request), { numRuns: 1, seed: 20261202 })
      const encoded = Schema.encodeSync(operation.request)(message)
      const file = path.join(dir, `${name}.json`)
      fs.writeFileSync(file, JSON.stringify((encoded as { readonly Body: unknown }).Body))
      const called = await runInProcess(["call", name, "--url", url, "--ticket", TICKET, file])
      if (called.ok) {
        expect(called.stderr).toBe("")
        const body = JSON.parse(called.stdout) as unknown
        expect(() => Schema.decodeUnknownSync(operation.response)({ Header: {}, Body: body })).not.toThrow()
      } else {
        expect(called.stderr).toMatch(new RegExp(`^ServiceError: ${operation.name}: ExceptionInfo: `))
        expect(called.stderr.split("\n")).toHaveLength(1)
      }
    }
  )
})

describe("erpsync call, at Services88 and over the REST WebAPI", () => {
  it("calls Services88's operations there, over either wire, and refuses them at Services86", async () => {
    const origin = new URL(url).origin
    const file = path.join(dir, "include-deleted.json")
    fs.writeFileSync(file, JSON.stringify({ IncludeDeleted: true }))
    for (const transport of ["soap", "rest"]) {
      const called = await runInProcess([
        "call",
        "GetAllConnections",
        "--url",
        `${origin}/Remote/Services88/ErpSync.svc`,
        "--transport",
        transport,
        "--ticket",
        TICKET,
        file
      ])
      expect([transport, called.stderr, called.ok]).toStrictEqual([transport, "", true])
      expect(Array.isArray((JSON.parse(called.stdout) as { Response: unknown }).Response)).toBe(true)
    }
    const refused = await runInProcess(["call", "GetAllConnections", "--url", url, "--ticket", TICKET, file])
    expect(refused.ok).toBe(false)
    expect(refused.stderr).toMatch(/^ConfigurationError: GetAllConnections: UnsupportedOperation: /)
  })
})

describe("erpsync call, on the model's success paths", () => {
  it("gives the response bodies the local model answers with, as JSON", async () => {
    const file = path.join(dir, "empty.json")
    fs.writeFileSync(file, "{}")
    const created = await runInProcess([
      "call",
      "CreateDefaultErpSyncConnectorEntity",
      "--url",
      url,
      "--ticket",
      TICKET,
      file
    ])
    expect(JSON.parse(created.stdout)).toStrictEqual({
      Response: { TableRight: null, FieldProperties: null, ErpConnectorId: 0, DisplayName: "", URL: "", Deleted: false }
    })
    // The server is shared with the calls above, which set the engine at random: set it here.
    fs.writeFileSync(file, JSON.stringify({ Run: false }))
    expect((await runInProcess(["call", "ChangeEngineStatus", "--url", url, "--ticket", TICKET, file])).ok).toBe(true)
    fs.writeFileSync(file, JSON.stringify({ Interval: "PT1H30M" }))
    expect((await runInProcess(["call", "ChangeEngineInterval", "--url", url, "--ticket", TICKET, file])).stdout)
      .toBe("{}")
    fs.writeFileSync(file, "{}")
    const status = await runInProcess(["call", "ErpSync.GetEngineStatus", "--url", url, "--ticket", TICKET, file])
    expect(JSON.parse(status.stdout)).toStrictEqual({
      Response: {
        TableRight: null,
        FieldProperties: null,
        IsRunning: false,
        StatusMessage: "Stopped",
        Interval: "PT1H30M"
      }
    })
  })
})

describe("the erpsync executable", () => {
  it("calls an operation that needs a ticket, with the body from standard input", async () => {
    const tested = await erpsync(
      ["call", "TestConnectionByConfig", "--url", url, "--ticket", TICKET],
      JSON.stringify({ ErpConnectionId: 1, ConfigFields: [{ Key: "Url", Value: "https://erp.example" }] })
    )
    expect(tested.stderr).toBe("")
    expect(tested.code).toBe(0)
    expect(JSON.parse(tested.stdout)).toStrictEqual({ Response: true })
  })

  it("calls a SoPrincipal operation with no credentials at all (its requests carry no ticket)", async () => {
    const info = await erpsync(["call", "GetSystemInfo", "--url", url], "{}")
    expect(info.stderr).toBe("")
    expect(info.code).toBe(0)
    expect(JSON.parse(info.stdout)).toMatchObject({ SystemInfo: { BuildLabel: "erpsync local server" } })
  })

  it("reports a body that is not the operation's in one line naming the member, and an unknown operation", async () => {
    const wrong = await erpsync(["call", "ChangeEngineInterval", "--url", url, "--ticket", TICKET], `{"Interval": 5}`)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr.trim().split("\n")).toHaveLength(1)
    // ChangeEngineInterval's Interval is a ser:duration, written as the text of a .NET TimeSpan.
    expect(wrong.stderr.trim()).toBe(
      "SchemaError: 1 problem: Body.Interval: expected a duration (a TimeSpan, as its XML text (\"PT5M\", \"P1DT2H\")), got 5"
    )
    const unknown = await erpsync(["call", "NoSuchOperation", "--url", url, "--ticket", TICKET], "{}")
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.trim()).toBe(
      `InputError: UnknownName: no operation is named "NoSuchOperation"; erpsync operations lists them`
    )
    const like = await erpsync(["call", "syncall", "--url", url], "{}")
    expect(like.stderr).toContain("(did you mean SyncAll, ForceSyncAll?)")
    // A typo: the closest name first.
    const typo = await erpsync(["call", "GetConectionn", "--url", url], "{}")
    expect(typo.stderr).toContain(`no operation is named "GetConectionn" (did you mean GetConnection`)
  })

  it("at a terminal, waits for no body: none needed without members, else it says how to give one", async () => {
    // Under a pseudo-terminal, as a person types it: standard input is a TTY that sends nothing.
    const info = await erpsyncInTerminal(["call", "GetSystemInfo", "--url", url])
    expect(info.code).toBe(0)
    expect(JSON.parse(info.stdout)).toMatchObject({ SystemInfo: { BuildLabel: "erpsync local server" } })
    const asked = await erpsyncInTerminal(["call", "GetConnection", "--url", url, "--ticket", TICKET])
    expect(asked.code).toBe(1)
    expect(asked.stdout.trim()).toBe(
      `InputError: Missing: GetConnection takes ErpConnectionId: give the request body as --body '{"ErpConnectionId": …}', --body-file FILE, or on standard input`
    )
    const given = await erpsyncInTerminal([
      "call",
      "TestConnectionById",
      "--url",
      url,
      "--ticket",
      TICKET,
      "--body",
      `{"ErpConnectionId": 999}`
    ])
    expect([given.code, JSON.parse(given.stdout)]).toStrictEqual([0, { Response: false }])
    const twice = await erpsync(["call", "GetSystemInfo", "--url", url, "--body", "{}", "--body-file", "x.json"])
    expect([twice.code, twice.stderr.trim()]).toStrictEqual([
      1,
      "InputError: Invalid: give the request body once: --body, --body-file or FILE"
    ])
  })

  it("refuses a member the request does not have, naming it and the closest member (it would be lost)", async () => {
    const misspelt = await erpsync(
      ["call", "GetConnection", "--url", url, "--ticket", TICKET],
      `{"ErpConnectionID": 1}`
    )
    expect(misspelt.code).toBe(1)
    expect(misspelt.stdout).toBe("")
    expect(misspelt.stderr.trim()).toBe(
      "SchemaError: 1 problem: Body.ErpConnectionID: is not a member of GetConnection (did you mean ErpConnectionId?)"
    )
    // Nested too: a connection's member.
    const nested = await erpsync(
      ["call", "SaveConnection", "--url", url, "--ticket", TICKET],
      JSON.stringify({ Connection: { ErpConnectorId: 1, DisplayNme: "x" } })
    )
    expect(nested.code).toBe(1)
    expect(nested.stderr).toContain(
      "Body.Connection.DisplayNme: is not a member of ErpConnection (did you mean DisplayName"
    )
  })
})
