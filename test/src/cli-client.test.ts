/**
 * The command line's client commands against `erpsync serve`, and `erpsync demo`.
 */
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Redacted from "effect/Redacted"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { erpsync, erpsyncBackground } from "./support/cli.js"
import { newConnection } from "./support/fixtures.js"

describe("erpsync serve, save-connection, get-connection, delete-connection", () => {
  let server: Awaited<ReturnType<typeof erpsyncBackground>>
  beforeAll(async () => {
    server = await erpsyncBackground(["serve", "--port", "0", "--ticket", "t-secret"])
  })
  afterAll(async () => {
    await server.stop()
  })

  it("serve prints its endpoint URL on the first line", () => {
    expect(server.firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/Remote\/Services86\/ErpSync\.svc$/)
  })

  it("save-connection prints the connection with a new id; get-connection returns it; delete-connection removes it", async () => {
    const url = server.firstLine
    const saved = await erpsync(
      ["save-connection", "--url", url, "--ticket", "t-secret"],
      JSON.stringify(newConnection)
    )
    expect(saved.stderr).toBe("")
    expect(saved.code).toBe(0)
    const connection = JSON.parse(saved.stdout) as typeof newConnection
    expect(connection.ErpConnectionId).toBeGreaterThan(0)
    expect(connection).toStrictEqual({ ...newConnection, ErpConnectionId: connection.ErpConnectionId })

    const got = await erpsync(["get-connection", String(connection.ErpConnectionId)], "", {
      ERPSYNC_URL: url,
      ERPSYNC_TICKET: "t-secret"
    })
    expect(got.code).toBe(0)
    expect(JSON.parse(got.stdout)).toStrictEqual(connection)

    const deleted = await erpsync([
      "delete-connection",
      "--url",
      url,
      "--ticket",
      "t-secret",
      String(connection.ErpConnectionId)
    ])
    expect(deleted.code).toBe(0)
    const gone = await erpsync([
      "get-connection",
      "--url",
      url,
      "--ticket",
      "t-secret",
      String(connection.ErpConnectionId)
    ])
    expect(gone.stdout.trim()).toBe("null")
  })

  it("a service error: exit 1, one line with the tag and what it carries", async () => {
    const run = await erpsync(
      ["save-connection", "--url", server.firstLine, "--ticket", "t-secret"],
      JSON.stringify({ ...newConnection, ErpConnectionId: 4242 })
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toBe("")
    expect(run.stderr).toBe(
      "ServiceError: SaveConnection: ExceptionInfo: There is no ErpConnection with id 4242 (SuperOffice.CRM.EntityNotFoundException)\n"
    )
  })

  it("a rejected ticket: exit 1, one line, an AuthenticationError (TicketRejected), never the ticket", async () => {
    const run = await erpsync(
      ["save-connection", "--url", server.firstLine, "--ticket", "wrong-secret"],
      JSON.stringify(newConnection)
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toBe("")
    expect(run.stderr).toBe(
      "AuthenticationError: SaveConnection: TicketRejected: Failed to authenticate: the ticket is missing, invalid or expired (SoAuthenticationException)\n"
    )
    expect(run.stderr).not.toContain("wrong-secret")
  })

  it("a refused connection: exit 1 with a TransportError", async () => {
    const run = await erpsync(["get-connection", "--url", "http://127.0.0.1:9/ErpSync.svc", "--ticket", "t", "1"])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^TransportError: GetConnection: /)
  })
})

describe("erpsync serve --username --password, and the client commands logging in", () => {
  let server: Awaited<ReturnType<typeof erpsyncBackground>>
  beforeAll(async () => {
    server = await erpsyncBackground(["serve", "--port", "0", "--username", "u", "--password", "p-secret"])
  })
  afterAll(async () => {
    await server.stop()
  })

  it("save-connection --username --password logs in through SoPrincipal.svc and prints the saved connection", async () => {
    const saved = await erpsync(
      ["save-connection", "--url", server.firstLine, "--username", "u", "--password", "p-secret"],
      JSON.stringify(newConnection)
    )
    expect(saved.stderr).toBe("")
    expect(saved.code).toBe(0)
    const connection = JSON.parse(saved.stdout) as typeof newConnection
    expect(connection).toStrictEqual({ ...newConnection, ErpConnectionId: connection.ErpConnectionId })
    expect(connection.ErpConnectionId).toBeGreaterThan(0)
  })

  it("ERPSYNC_USERNAME and ERPSYNC_PASSWORD stand in for the flags", async () => {
    const got = await erpsync(["get-connection", "--url", server.firstLine, "1"], "", {
      ERPSYNC_USERNAME: "u",
      ERPSYNC_PASSWORD: "p-secret"
    })
    expect(got.stderr).toBe("")
    expect(got.code).toBe(0)
  })

  it("--soprincipal-url is where a login goes, for credentials from the environment too", async () => {
    const run = await erpsync(
      ["get-connection", "--url", server.firstLine, "--soprincipal-url", "http://127.0.0.1:9/SoPrincipal.svc", "1"],
      "",
      { ERPSYNC_USERNAME: "u", ERPSYNC_PASSWORD: "p-secret" }
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^TransportError: AuthenticateUsernamePassword: /)
  })

  it("--password wrong: exit 1 with the AuthenticationError, never the password", async () => {
    const run = await erpsync(
      ["save-connection", "--url", server.firstLine, "--username", "u", "--password", "wrong-secret"],
      JSON.stringify(newConnection)
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toBe("")
    expect(run.stderr).toBe(
      "AuthenticationError: AuthenticateUsernamePassword: NotAuthenticated: the service did not authenticate these credentials (user \"u\")\n"
    )
    expect(run.stderr).not.toContain("wrong-secret")
  })

  it("no credentials, or two ways at once, or a user without a password: exit 1 with a CredentialsError", async () => {
    const none = await erpsync(["get-connection", "--url", server.firstLine, "1"])
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/^CredentialsError: Missing: give --ticket, --username with --password/)
    const both = await erpsync(["get-connection", "--url", server.firstLine, "--ticket", "t", "--username", "u", "1"])
    expect(both.code).toBe(1)
    expect(both.stderr).toMatch(/^CredentialsError: Conflicting: /)
    const half = await erpsync(["get-connection", "--url", server.firstLine, "--username", "u", "1"])
    expect(half.code).toBe(1)
    expect(half.stderr).toBe("CredentialsError: Incomplete: --username needs --password (or ERPSYNC_PASSWORD)\n")
  })
})

describe("erpsync serve --system-user-token --app-public-key, and the client commands as a system user", () => {
  const SYSTEM_USER_TOKEN = "ERP Sync CLI-q2Vx9NeverShown"
  const keys = Effect.runSync(ErpSyncServer.applicationKeys)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-cli-keys-"))
  const publicKey = path.join(dir, "app.pub.pem")
  const privateKey = path.join(dir, "app.xml")
  let server: Awaited<ReturnType<typeof erpsyncBackground>>
  let origin: string
  let tenant: string
  beforeAll(async () => {
    fs.writeFileSync(publicKey, keys.publicKeyPem)
    fs.writeFileSync(privateKey, keys.privateKeyXml)
    server = await erpsyncBackground([
      "serve",
      "--port",
      "0",
      "--system-user-token",
      SYSTEM_USER_TOKEN,
      "--app-public-key",
      publicKey
    ])
    origin = new URL(server.firstLine).origin
    tenant = `${origin}/Cust12345/Remote/Services86/ErpSync.svc`
  })
  afterAll(async () => {
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("save-connection and get-connection get their ticket through SuperID with the flags", async () => {
    const flags = [
      "--url",
      tenant,
      "--system-user-token",
      SYSTEM_USER_TOKEN,
      "--private-key",
      privateKey,
      "--application-token",
      "client-secret",
      "--superid-url",
      origin
    ]
    const saved = await erpsync(["save-connection", ...flags], JSON.stringify(newConnection))
    expect(saved.stderr).toBe("")
    expect(saved.code).toBe(0)
    const connection = JSON.parse(saved.stdout) as typeof newConnection
    expect(connection.ErpConnectionId).toBeGreaterThan(0)
    const got = await erpsync(["get-connection", ...flags, String(connection.ErpConnectionId)])
    expect(got.code).toBe(0)
    expect(JSON.parse(got.stdout)).toStrictEqual(connection)
  })

  it("the environment variables stand in for the flags, the tenant given apart from the URL", async () => {
    const got = await erpsync(["get-connection", "--url", server.firstLine, "999"], "", {
      ERPSYNC_SYSTEM_USER_TOKEN: SYSTEM_USER_TOKEN,
      ERPSYNC_PRIVATE_KEY_FILE: privateKey,
      ERPSYNC_APPLICATION_TOKEN: "client-secret",
      ERPSYNC_CONTEXT_IDENTIFIER: "Cust12345",
      ERPSYNC_SUPERID_URL: origin
    })
    expect(got.stderr).toBe("")
    expect(got.code).toBe(0)
    expect(got.stdout).toBe("null\n")
  })

  it("a refused exchange: exit 1 with SuperID's message, never a secret; a missing part: a CredentialsError", async () => {
    const refused = await erpsync([
      "get-connection",
      "--url",
      tenant,
      "--system-user-token",
      "Another App-NeverShown",
      "--private-key",
      privateKey,
      "--application-token",
      "client-secret-never-shown",
      "--superid-url",
      origin,
      "1"
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      "AuthenticationError: PartnerSystemUser/Authenticate: ExchangeRefused: Unknown system user token.\n"
    )
    const half = await erpsync(["get-connection", "--url", tenant, "--system-user-token", SYSTEM_USER_TOKEN, "1"])
    expect(half.code).toBe(1)
    expect(half.stderr).toBe(
      "CredentialsError: Incomplete: the system-user flow needs --private-key (or ERPSYNC_PRIVATE_KEY_FILE) and " +
        "--application-token (or ERPSYNC_APPLICATION_TOKEN)\n"
    )
    const both = await erpsync([
      "get-connection",
      "--url",
      tenant,
      "--system-user-token",
      SYSTEM_USER_TOKEN,
      "--ticket",
      "t",
      "1"
    ])
    expect(both.stderr).toMatch(/^CredentialsError: Conflicting: /)
    for (const run of [refused, half, both]) {
      expect(run.stderr + run.stdout).not.toContain("NeverShown")
      expect(run.stderr + run.stdout).not.toContain("never-shown")
    }
  })
})

describe("erpsync serve --ticket-lifetime", () => {
  let server: Awaited<ReturnType<typeof erpsyncBackground>>
  beforeAll(async () => {
    server = await erpsyncBackground([
      "serve",
      "--port",
      "0",
      "--username",
      "u",
      "--password",
      "p-secret",
      "--ticket-lifetime",
      "1 second"
    ])
  })
  afterAll(async () => {
    await server.stop()
  })

  it("issues tickets that its ErpSync endpoint refuses once they are older than the lifetime", async () => {
    const url = server.firstLine
    const program = Effect.gen(function*() {
      const source = yield* TicketSource.usernamePassword({ username: "u", password: Redacted.make("p-secret") })
      const ticket = yield* source.get({ url, applicationToken: undefined })
      const client = yield* ErpSyncClient.make({ url }).pipe(
        Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(ticket))
      )
      yield* client.getConnection(1)
      yield* Effect.sleep("1100 millis")
      return yield* Effect.flip(client.getConnection(1))
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
    expect(await Effect.runPromise(program)).toMatchObject({
      _tag: "AuthenticationError",
      reason: "TicketRejected",
      exceptionType: "SoAuthenticationException"
    })
  })
})

describe("erpsync demo", () => {
  it("teaches in numbered steps: a server, a ticket, a connector, a connection saved and read back; then what next", async () => {
    const run = await erpsync(["demo"])
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    const steps = run.stdout.split("\n").filter((line) => /^\d+\. /.test(line))
    expect(steps).toStrictEqual([
      "1. A local ErpSync server",
      "2. A ticket",
      "3. A connector",
      "4. A connection",
      "5. Read back"
    ])
    // What a ticket, an envelope and a SOAPAction are, in plain words.
    expect(run.stdout).toMatch(/NetServer takes a call only with a ticket, a session credential/)
    expect(run.stdout).toMatch(/SOAP\s+envelope \(an XML document whose Body holds the\s+request\)/)
    // The connector entity is created before the connection that names it.
    const exchanges = run.stdout.split("\n").filter((line) => line.startsWith("   → POST")).map((line) =>
      line.split(/\s+/)[4]
    )
    expect(exchanges).toStrictEqual([
      "AuthenticateUsernamePassword",
      "CreateDefaultErpSyncConnectorEntity",
      "SaveErpSyncConnectorEntity",
      "SaveConnection",
      "GetConnection"
    ])
    const saved = JSON.parse(run.stdout.slice(run.stdout.indexOf("   {"), run.stdout.indexOf("\n   }") + 5)) as {
      ErpConnectorId: number
      ConnectionId: string
    }
    expect(run.stdout).toContain(`Connector entity ${saved.ErpConnectorId}: Visma Business`)
    expect(saved.ConnectionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(run.stdout).toContain("Connection 1 read back equals the one saved.")
    expect(run.stdout).toContain("What to try next:")
    // No XML unless asked for, and every line fits 80 columns.
    expect(run.stdout).not.toContain("<s:Envelope")
    for (const line of run.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80)
  })

  it("--xml shows each exchange's address, SOAPAction and envelopes, the secrets in them redacted", async () => {
    const run = await erpsync(["demo", "--xml"])
    expect(run.code).toBe(0)
    const origin = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(run.stdout)?.[1]
    expect(origin).toBeDefined()
    expect(run.stdout).toContain(
      `→ POST ${origin}/Remote/Services88/SoPrincipal.svc\n` +
        "     SOAPAction: http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateUsernamePassword\n"
    )
    expect(run.stdout).toContain(
      `→ POST ${origin}/Remote/Services88/ErpSync.svc\n` +
        "     SOAPAction: http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SaveConnection\n"
    )
    // The envelopes indented, an element of text on one line; the secrets in them redacted.
    expect(run.stdout).toContain("\n  <s:Body>\n    <SaveConnection>\n      <Connection>\n")
    expect(run.stdout).toContain("\n        <DisplayName>Visma Business – Oslo</DisplayName>\n")
    expect(run.stdout).toContain(
      "\n        <DisplayDescription>Orders &amp; invoices &lt;nightly&gt;</DisplayDescription>\n"
    )
    expect(run.stdout).toContain("<Password>[redacted]</Password>")
    expect(run.stdout).toContain("<Ticket>[redacted]</Ticket>")
    expect(run.stdout).not.toMatch(/<Ticket>(?!\[redacted\])/)
    expect(run.stdout).not.toContain("demo-password")
  })
})
