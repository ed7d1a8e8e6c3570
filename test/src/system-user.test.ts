/**
 * The system-user flow end to end, over real HTTP: the client signs the system user token, exchanges it at
 * the local server's SuperID for a JWT, verifies the JWT against the published keys and calls ErpSync with
 * its ticket. Time is the TestClock, shared by the server (timestamps, ticket expiry, the JWT's times) and
 * the client, except where a test gives the client a clock of its own.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, type ErpSyncError, TicketSource } from "@erpsync/agent"
import { ErpSyncServer } from "@erpsync/testing"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as References from "effect/References"
import * as TestClock from "effect/testing/TestClock"
import * as jose from "jose"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { newConnection } from "./support/fixtures.js"
import { recordingTracer, rendered } from "./support/observe.js"
import { rawServer } from "./support/servers.js"

const SYSTEM_USER_TOKEN = "ERP Sync Test-8k8Q7DmBgoNeverShown"
const APPLICATION_TOKEN = "client-secret-3c9a1f-never-shown"
const CLAIMS = "http://schemes.superoffice.net/identity/"

const keys = Effect.runSync(ErpSyncServer.applicationKeys)
const otherKeys = Effect.runSync(ErpSyncServer.applicationKeys)

type SystemUser = Partial<TicketSource.SystemUserOptions>

/** The local server with the system user, a client of its tenant, and what the ErpSync endpoint was sent. */
const setup = (
  systemUser: SystemUser = {},
  serverOptions: Partial<ErpSyncServer.ErpSyncServerOptions> = {},
  clientUrl: (server: ErpSyncServer.ErpSyncServer) => string = (server) => server.tenantUrl
) =>
  Effect.gen(function*() {
    const requests: Array<string> = []
    const server = yield* ErpSyncServer.make({
      systemUser: {
        systemUserToken: SYSTEM_USER_TOKEN,
        applicationPublicKey: keys.publicKeyPem,
        applicationToken: APPLICATION_TOKEN
      },
      onExchange: (exchange) => Effect.sync(() => requests.push(exchange.request)),
      ...serverOptions
    })
    const source = yield* TicketSource.systemUser({
      systemUserToken: Redacted.make(SYSTEM_USER_TOKEN),
      privateKey: Redacted.make(keys.privateKeyPem),
      applicationToken: Redacted.make(APPLICATION_TOKEN),
      superIdUrl: server.superIdUrl,
      ...systemUser
    } as TicketSource.SystemUserOptions)
    const client = yield* ErpSyncClient.make({
      url: clientUrl(server),
      applicationToken: Redacted.make(APPLICATION_TOKEN),
      timeout: "10 seconds"
    }).pipe(Effect.provideService(TicketSource.TicketSource, source))
    return { server, client, requests }
  }).pipe(Effect.provide(FetchHttpClient.layer))

const authenticationError = <A, R>(effect: Effect.Effect<A, ErpSyncError.ErpSyncError, R>) =>
  Effect.flatMap(
    Effect.flip(effect),
    (error) =>
      error._tag === "AuthenticationError" ? Effect.succeed(error) : Effect.die(`not an AuthenticationError: ${error}`)
  )

/** A clock `offset` ahead of the TestClock (behind, when negative). */
const offsetClock = (offset: Duration.Input) =>
  Effect.map(Effect.service(Clock.Clock), (base): Clock.Clock => {
    const millis = Duration.toMillis(offset)
    const nanos = BigInt(millis) * 1_000_000n
    return {
      currentTimeMillisUnsafe: () => base.currentTimeMillisUnsafe() + millis,
      currentTimeMillis: Effect.map(base.currentTimeMillis, (now) => now + millis),
      currentTimeNanosUnsafe: () => base.currentTimeNanosUnsafe() + nanos,
      currentTimeNanos: Effect.map(base.currentTimeNanos, (now) => now + nanos),
      monotonicTimeNanosUnsafe: () => base.monotonicTimeNanosUnsafe(),
      monotonicTimeNanos: base.monotonicTimeNanos,
      sleep: (duration) => base.sleep(duration)
    }
  })

describe("the system-user flow", () => {
  for (
    const [form, privateKey] of [
      ["PKCS#8 PEM", keys.privateKeyPem],
      ["PKCS#1 PEM", keys.privateKeyPkcs1Pem],
      ["<RSAKeyValue> XML", keys.privateKeyXml]
    ] as const
  ) {
    it.effect(`saves a connection with a ${form} key, the ticket from a verified JWT`, () =>
      Effect.gen(function*() {
        const { client, requests, server } = yield* setup({ privateKey: Redacted.make(privateKey) })
        const saved = yield* client.saveConnection(newConnection)
        expect(saved.DisplayName).toBe(newConnection.DisplayName)
        expect(yield* server.connections).toHaveLength(1)
        const counts = yield* server.counts
        expect(counts).toMatchObject({ systemUserLogins: 1, failedSystemUserLogins: 0, keySetFetches: 1 })
        expect(counts.rejectedTickets).toBe(0)
        // The ErpSync request carried the ticket SuperID issued, and the client's application token.
        expect(requests[0]).toMatch(/<(\w+:)?Ticket>7T:[^<]+<\/(\w+:)?Ticket>/)
        expect(requests[0]).toContain(APPLICATION_TOKEN)
      }))
  }

  it.effect("reads the private key from a file", () =>
    Effect.gen(function*() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-key-"))
      yield* Effect.addFinalizer(() => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true })))
      const file = path.join(dir, "app.xml")
      fs.writeFileSync(file, keys.privateKeyXml)
      const { client } = yield* setup({ privateKey: { file } })
      yield* client.saveConnection(newConnection)
      const missing = yield* setup({ privateKey: { file: path.join(dir, "missing.pem") } })
      const error = yield* authenticationError(missing.client.saveConnection(newConnection))
      expect(error.reason).toBe("InvalidPrivateKey")
      expect(error.detail).toContain("ENOENT")
      expect((yield* missing.server.counts).systemUserLogins).toBe(0)
    }))

  it.effect("refuses a key that is not an RSA private key, before any exchange", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup({ privateKey: Redacted.make(keys.publicKeyPem) })
      const error = yield* authenticationError(client.saveConnection(newConnection))
      expect(error.reason).toBe("InvalidPrivateKey")
      expect((yield* server.counts).systemUserLogins + (yield* server.counts).failedSystemUserLogins).toBe(0)
    }))

  it.effect("50 concurrent calls on a cold cache cause one exchange and one fetch of the keys", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup()
      yield* Effect.all(Array.from({ length: 50 }, (_, i) => client.getConnection(i + 1)), { concurrency: "unbounded" })
      expect(yield* server.counts).toMatchObject({ systemUserLogins: 1, keySetFetches: 1, rejectedTickets: 0 })
    }))

  it.effect("renews an expired ticket: the call is rejected once, then made again with a new ticket", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup({}, { ticketLifetime: "10 minutes" })
      yield* client.getConnection(1)
      yield* TestClock.adjust("11 minutes")
      yield* client.getConnection(1)
      // The keys were kept: a new exchange does not fetch them again.
      expect(yield* server.counts).toMatchObject({ systemUserLogins: 2, rejectedTickets: 1, keySetFetches: 1 })
    }))

  it.effect("refuses a JWT signed by a key SuperID does not publish, and never sends its ticket", () =>
    Effect.gen(function*() {
      const { client, requests, server } = yield* setup()
      yield* server.signWithUnpublishedKey(true)
      const error = yield* authenticationError(client.saveConnection(newConnection))
      expect(error.reason).toBe("InvalidToken")
      expect(error.detail).toContain("does not publish")
      // The keys were fetched again, once, in case they had been rotated.
      expect(yield* server.counts).toMatchObject({ systemUserLogins: 1, keySetFetches: 2, rejectedTickets: 0 })
      expect(requests).toHaveLength(0)
      expect(yield* server.connections).toHaveLength(0)
    }))

  it.effect("follows a key rotation: a JWT with a new key id fetches the keys again", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup({}, { ticketLifetime: "10 minutes" })
      yield* client.getConnection(1)
      yield* server.rotateSigningKey
      yield* TestClock.adjust("11 minutes")
      yield* client.getConnection(1)
      expect(yield* server.counts).toMatchObject({ systemUserLogins: 2, keySetFetches: 2 })
      // Another exchange with the same key does not fetch them a third time.
      yield* TestClock.adjust("11 minutes")
      yield* client.getConnection(1)
      expect(yield* server.counts).toMatchObject({ systemUserLogins: 3, keySetFetches: 2 })
    }))

  describe("an unsuccessful exchange gives SuperID's ErrorMessage", () => {
    const cases: ReadonlyArray<readonly [string, SystemUser, string]> = [
      [
        "an unknown system user token",
        { systemUserToken: Redacted.make("Other App-xyz") },
        "Unknown system user token"
      ],
      ["a key the application's is not", { privateKey: Redacted.make(otherKeys.privateKeyPem) }, "InvalidSignature"],
      ["a wrong client secret", { applicationToken: Redacted.make("wrong-secret") }, "Invalid application token"],
      ["another tenant", { contextIdentifier: "Cust99999" }, "Unknown context identifier \"Cust99999\""]
    ]
    for (const [what, systemUser, message] of cases) {
      it.effect(what, () =>
        Effect.gen(function*() {
          const { client, requests, server } = yield* setup(systemUser)
          const error = yield* authenticationError(client.saveConnection(newConnection))
          expect(error.reason).toBe("ExchangeRefused")
          expect(error.operation).toBe("PartnerSystemUser/Authenticate")
          expect(error.detail).toContain(message)
          expect(yield* server.counts).toMatchObject({ systemUserLogins: 0, failedSystemUserLogins: 1 })
          expect(requests).toHaveLength(0)
        }))
    }
  })

  it.effect("signs the UTC minute zero-padded; a clock a few minutes off is accepted, one far off is refused", () =>
    Effect.gen(function*() {
      // Single-digit month, day, hour and minute: an unpadded timestamp is not 12 digits, and is refused.
      yield* TestClock.setTime(Date.UTC(2027, 0, 2, 3, 4, 30))
      const { client, server } = yield* setup({}, { ticketLifetime: "10 minutes" })
      yield* client.getConnection(1).pipe(Effect.provideService(Clock.Clock, yield* offsetClock("3 minutes")))
      yield* TestClock.adjust("11 minutes")
      yield* client.getConnection(1).pipe(Effect.provideService(Clock.Clock, yield* offsetClock("-4 minutes")))
      expect(yield* server.counts).toMatchObject({ systemUserLogins: 2, failedSystemUserLogins: 0 })
      yield* TestClock.adjust("11 minutes")
      const error = yield* authenticationError(
        client.getConnection(1).pipe(Effect.provideService(Clock.Clock, yield* offsetClock("30 minutes")))
      )
      expect(error.reason).toBe("ExchangeRefused")
      expect(error.detail).toContain("InvalidTimestamp")
    }))

  it.effect("takes the tenant from the ErpSync URL, or from contextIdentifier; with neither, a typed error", () =>
    Effect.gen(function*() {
      const fromUrl = yield* setup()
      expect(fromUrl.server.tenantUrl).toContain("/Cust12345/Remote/Services86/ErpSync.svc")
      yield* fromUrl.client.getConnection(1)
      const given = yield* setup({ contextIdentifier: "Cust12345" }, {}, (server) => server.url)
      yield* given.client.getConnection(1)
      const neither = yield* setup({}, {}, (server) => server.url)
      const error = yield* authenticationError(neither.client.getConnection(1))
      expect(error.reason).toBe("NoContextIdentifier")
      expect((yield* neither.server.counts).systemUserLogins + (yield* neither.server.counts).failedSystemUserLogins)
        .toBe(0)
    }))

  it.effect("is configured from the environment by TicketSource.layerConfig", () =>
    Effect.gen(function*() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-key-"))
      yield* Effect.addFinalizer(() => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true })))
      const file = path.join(dir, "app.pem")
      fs.writeFileSync(file, keys.privateKeyPkcs1Pem)
      const server = yield* ErpSyncServer.make({
        systemUser: { systemUserToken: SYSTEM_USER_TOKEN, applicationPublicKey: keys.publicKeyPem }
      })
      const environment = new Map([
        ["ERPSYNC_URL", server.url],
        ["ERPSYNC_SYSTEM_USER_TOKEN", SYSTEM_USER_TOKEN],
        ["ERPSYNC_PRIVATE_KEY_FILE", file],
        ["ERPSYNC_APPLICATION_TOKEN", APPLICATION_TOKEN],
        ["ERPSYNC_CONTEXT_IDENTIFIER", "Cust12345"],
        ["ERPSYNC_SUPERID_URL", server.superIdUrl]
      ])
      const live = ErpSyncClient.layerConfig().pipe(
        Layer.provide(TicketSource.layerConfig()),
        Layer.provide(FetchHttpClient.layer),
        Layer.provide(ConfigProvider.layer(ConfigProvider.fromEnv({ env: Object.fromEntries(environment) })))
      )
      yield* Effect.flatMap(ErpSyncClient.ErpSyncClient, (client) => client.saveConnection(newConnection)).pipe(
        Effect.provide(live)
      )
      expect((yield* server.counts).systemUserLogins).toBe(1)

      const both = new Map([...environment, ["ERPSYNC_SUPERID_ENVIRONMENT", "sod"]])
      const conflict = yield* Effect.flip(
        TicketSource.config.pipe(
          Effect.provideService(
            ConfigProvider.ConfigProvider,
            ConfigProvider.fromEnv({ env: Object.fromEntries(both) })
          )
        )
      )
      expect(String(conflict)).toContain("not both")
      const invalid = new Map([...environment, ["ERPSYNC_SUPERID_ENVIRONMENT", "production"]])
      invalid.delete("ERPSYNC_SUPERID_URL")
      const wrong = yield* Effect.flip(
        TicketSource.config.pipe(
          Effect.provideService(
            ConfigProvider.ConfigProvider,
            ConfigProvider.fromEnv({ env: Object.fromEntries(invalid) })
          )
        )
      )
      expect(String(wrong)).toContain("ERPSYNC_SUPERID_ENVIRONMENT")
    }))
})

/** A JWT's claims, where one given as `undefined` is left out of the token. */
type Claims = { readonly [K in keyof jose.JWTPayload]?: jose.JWTPayload[K] | undefined }

/** The payload of a token with `claims`, those given as `undefined` left out. */
const payloadOf = (claims: Claims): jose.JWTPayload =>
  Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined))

/**
 * A SuperID of the test's own: it publishes its key (answering `keySetStatus`, or redirecting to
 * `keySetLocation`) and answers every exchange with `answer` (a JWT it signs, or any JSON, redirecting to
 * `location` when it is given).
 */
const fakeSuperId = (options: {
  readonly answer: (
    jwt: (claims: Claims, setup?: (jwt: jose.SignJWT) => jose.SignJWT) => Promise<string>
  ) => Promise<
    { readonly status: number; readonly json: unknown; readonly location?: string }
  >
  readonly keySetStatus?: number
  readonly keySetLocation?: string
}) =>
  Effect.gen(function*() {
    const pair = yield* Effect.promise(() => jose.generateKeyPair("RS256", { extractable: true }))
    const jwk = { ...(yield* Effect.promise(() => jose.exportJWK(pair.publicKey))), kid: "k1", alg: "RS256" }
    // Issued now, expiring in 5 minutes, unless the claims say otherwise (`exp: undefined` leaves it out).
    const jwt = (claims: Claims, setup: (jwt: jose.SignJWT) => jose.SignJWT = (jwt) => jwt) => {
      const now = Math.floor(Date.now() / 1000)
      const payload = payloadOf({ iat: now, exp: now + 300, ...claims })
      return setup(
        new jose.SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: "k1" })
          .setIssuer("SuperOffice AS").setAudience("spn:42")
      ).sign(pair.privateKey)
    }
    let origin = ""
    const server = yield* rawServer((request, response) => {
      const send = (status: number, json: unknown, location?: string) =>
        response.writeHead(status, {
          "content-type": "application/json",
          ...(location === undefined ? {} : { location })
        })
          .end(JSON.stringify(json))
      const url = request.url.toLowerCase()
      if (url === "/login/.well-known/openid-configuration") {
        send(200, { jwks_uri: `${origin}/login/.well-known/jwks` })
        return undefined
      }
      if (url === "/login/.well-known/jwks") {
        if (options.keySetLocation !== undefined) send(302, options.keySetLocation, options.keySetLocation)
        else send(options.keySetStatus ?? 200, options.keySetStatus === undefined ? { keys: [jwk] } : {})
        return undefined
      }
      void options.answer(jwt).then(({ json, location, status }) => send(status, json, location))
      return undefined
    })
    origin = `http://127.0.0.1:${server.port}`
    return { ...server, url: origin }
  })

/** The ticket source of `superId`, asked for a ticket for Cust42's ErpSync endpoint with the real clock. */
const ticketFrom = (superId: { readonly url: string }) =>
  Effect.gen(function*() {
    const source = yield* TicketSource.systemUser({
      systemUserToken: Redacted.make(SYSTEM_USER_TOKEN),
      privateKey: Redacted.make(keys.privateKeyPem),
      applicationToken: Redacted.make(APPLICATION_TOKEN),
      superIdUrl: superId.url
    })
    return yield* source.get({
      url: "https://online3.superoffice.com/Cust42/Remote/Services86/ErpSync.svc",
      applicationToken: undefined
    })
  }).pipe(Effect.provide(FetchHttpClient.layer))

const tenantClaims = (extra: Claims = {}): Claims => ({
  [`${CLAIMS}ticket`]: "7T:fake-ticket",
  [`${CLAIMS}ctx`]: "Cust42",
  [`${CLAIMS}serial`]: "42",
  ...extra
})

describe("the JWT SuperID answers with", () => {
  it.live("gives its ticket when it verifies, names the tenant asked for and its audience is spn:serial", () =>
    Effect.gen(function*() {
      const superId = yield* fakeSuperId({
        answer: async (jwt) => ({ status: 200, json: { IsSuccessful: true, Token: await jwt(tenantClaims()) } })
      })
      expect(Redacted.value(yield* ticketFrom(superId))).toBe("7T:fake-ticket")
      const exchange = superId.requests.find((r) => r.url.toLowerCase().endsWith("/authenticate"))!
      expect(exchange.method).toBe("POST")
      expect(exchange.url).toBe("/Login/api/PartnerSystemUser/Authenticate")
      expect(exchange.headers["content-type"]).toMatch(/^application\/json/)
      const body = JSON.parse(exchange.body.toString("utf8"))
      expect(Object.keys(body).sort()).toEqual(
        ["ApplicationToken", "ContextIdentifier", "ReturnTokenType", "SignedSystemToken"]
      )
      expect(body).toMatchObject({
        ApplicationToken: APPLICATION_TOKEN,
        ContextIdentifier: "Cust42",
        ReturnTokenType: "JWT"
      })
      expect(body.SignedSystemToken).toMatch(/^ERP Sync Test-8k8Q7DmBgoNeverShown\.\d{12}\.[A-Za-z0-9+/]+={0,2}$/)
    }).pipe(Effect.scoped))

  const refusals: ReadonlyArray<
    readonly [
      string,
      (jwt: Parameters<Parameters<typeof fakeSuperId>[0]["answer"]>[0]) => Promise<string>,
      string,
      string
    ]
  > = [
    [
      "without a ticket claim",
      (jwt) => jwt(tenantClaims({ [`${CLAIMS}ticket`]: undefined })),
      "NoTicket",
      "ticket claim"
    ],
    [
      "for another tenant",
      (jwt) => jwt(tenantClaims({ [`${CLAIMS}ctx`]: "Cust7" })),
      "InvalidToken",
      "Cust7, not Cust42"
    ],
    ["for another database", (jwt) => jwt(tenantClaims({ [`${CLAIMS}serial`]: "43" })), "InvalidToken", "audience"],
    [
      "from another issuer",
      (jwt) => jwt(tenantClaims(), (t) => t.setIssuer("https://evil.example")),
      "InvalidToken",
      "iss"
    ],
    [
      "that expired",
      (jwt) => jwt(tenantClaims(), (t) => t.setIssuedAt("2 hours ago").setExpirationTime("1 hour ago")),
      "InvalidToken",
      "exp"
    ],
    ["that never expires", (jwt) => jwt(tenantClaims({ exp: undefined })), "InvalidToken", "exp"],
    [
      "not signed",
      async () => new jose.UnsecuredJWT(payloadOf(tenantClaims())).encode(),
      "InvalidToken",
      "does not verify"
    ]
  ]
  for (const [what, token, reason, detail] of refusals) {
    it.live(`is refused ${what}`, () =>
      Effect.gen(function*() {
        const superId = yield* fakeSuperId({
          answer: async (jwt) => ({ status: 200, json: { IsSuccessful: true, Token: await token(jwt) } })
        })
        const error = yield* authenticationError(ticketFrom(superId))
        expect(error.reason).toBe(reason)
        expect(error.detail).toContain(detail)
        expect(String(error)).not.toContain("fake-ticket")
      }).pipe(Effect.scoped))
  }

  it.live("a refusal with an error status still gives the ErrorMessage, with any echo of a secret removed", () =>
    Effect.gen(function*() {
      const superId = yield* fakeSuperId({
        answer: async () => ({
          status: 401,
          json: { IsSuccessful: false, Token: null, ErrorMessage: `Denied for ${APPLICATION_TOKEN}` }
        })
      })
      const error = yield* authenticationError(ticketFrom(superId))
      expect(error.reason).toBe("ExchangeRefused")
      expect(error.detail).toBe("Denied for <redacted>")
    }).pipe(Effect.scoped))

  it.live("an answer that is not SuperID's JSON is an HttpError without the body, which may hold a token", () =>
    Effect.gen(function*() {
      const superId = yield* fakeSuperId({
        answer: async (jwt) => ({ status: 200, json: { IsSuccessful: "yes", Token: await jwt(tenantClaims()) } })
      })
      const error = yield* Effect.flip(ticketFrom(superId))
      expect(error._tag).toBe("HttpError")
      expect(error._tag === "HttpError" && error.reason).toBe("NotJson")
      expect(JSON.stringify(error)).not.toContain("eyJ")
      const failing = yield* fakeSuperId({ answer: async () => ({ status: 503, json: "unavailable" }) })
      const status = yield* Effect.flip(ticketFrom(failing))
      expect(status._tag === "HttpError" && status.reason).toBe("Status")
    }).pipe(Effect.scoped))

  it.live("a redirect, of the exchange or of the keys, is refused showing only its location's origin and path", () =>
    Effect.gen(function*() {
      const location = "https://erp-admin:Pa55word@sso.example:8443/login/next?ticket=SECRET&x=1#SECRET"
      const shown = "redirect to https://sso.example:8443/login/next refused"
      const exchange = yield* fakeSuperId({ answer: async () => ({ status: 302, json: location, location }) })
      const keySet = yield* fakeSuperId({
        keySetLocation: location,
        answer: async (jwt) => ({ status: 200, json: { IsSuccessful: true, Token: await jwt(tenantClaims()) } })
      })
      const { spans, tracer } = yield* recordingTracer
      const [refused, unavailable] = yield* Effect.forEach(
        [exchange, keySet],
        (superId) => Effect.exit(ticketFrom(superId)).pipe(Effect.withTracer(tracer))
      )
      const errorOf = (exit: Exit.Exit<unknown, ErpSyncError.ErpSyncError> | undefined) =>
        exit !== undefined && Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : Option.none()
      expect(Option.getOrUndefined(errorOf(refused))).toMatchObject({
        _tag: "HttpError",
        reason: "Redirect",
        status: 302,
        detail: shown
      })
      expect(String(Option.getOrUndefined(errorOf(refused)))).toContain(shown)
      const keysError = Option.getOrUndefined(errorOf(unavailable))
      expect(keysError).toMatchObject({ _tag: "AuthenticationError", reason: "KeysUnavailable" })
      expect(keysError?._tag === "AuthenticationError" && keysError.detail).toContain(shown)
      expect(spans.map((s) => s.name)).toEqual(
        expect.arrayContaining(["SuperId.PartnerSystemUser.Authenticate", "SuperId.keys"])
      )
      const causes = [refused, unavailable].flatMap((exit) =>
        exit !== undefined && Exit.isFailure(exit) ? [exit.cause] : []
      )
      expect(causes).toHaveLength(2)
      const text = rendered([], causes, spans)
      for (const secret of ["SECRET", "erp-admin", "Pa55word"]) expect(text).not.toContain(secret)
    }).pipe(Effect.scoped))

  it.live("keys that cannot be fetched are KeysUnavailable, and the ticket is not used", () =>
    Effect.gen(function*() {
      const superId = yield* fakeSuperId({
        keySetStatus: 503,
        answer: async (jwt) => ({ status: 200, json: { IsSuccessful: true, Token: await jwt(tenantClaims()) } })
      })
      const error = yield* authenticationError(ticketFrom(superId))
      expect(error.reason).toBe("KeysUnavailable")
      expect(error.detail).toContain("HTTP 503")
    }).pipe(Effect.scoped))
})

describe("secrets", () => {
  it.effect("no system user token, private key, client secret, JWT or ticket in any error, log line or span", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const { spans, tracer } = yield* recordingTracer
      const tickets = new Set<string>()
      const errors: Array<Cause.Cause<unknown>> = []
      const scenario = <A, E>(effect: Effect.Effect<A, E>) =>
        effect.pipe(
          Effect.tapCause((cause) => Effect.logError("call failed", cause)),
          Effect.exit,
          Effect.map((exit) => {
            if (Exit.isFailure(exit)) errors.push(exit.cause)
          })
        )
      const collect = ({ requests }: { readonly requests: ReadonlyArray<string> }) => {
        for (const request of requests) {
          for (const match of request.matchAll(/<(?:\w+:)?Ticket>([^<]+)</g)) tickets.add(match[1]!)
        }
      }
      yield* Effect.gen(function*() {
        const ok = yield* setup({}, { ticketLifetime: "10 minutes" })
        yield* scenario(ok.client.saveConnection(newConnection))
        yield* TestClock.adjust("11 minutes") // expired: rejected, then renewed
        yield* scenario(ok.client.saveConnection(newConnection))
        collect(ok)
        const forged = yield* setup()
        yield* forged.server.signWithUnpublishedKey(true)
        yield* scenario(forged.client.saveConnection(newConnection))
        const wrongKey = yield* setup({ privateKey: Redacted.make(otherKeys.privateKeyXml) })
        yield* scenario(wrongKey.client.saveConnection(newConnection))
        const notAKey = yield* setup({ privateKey: Redacted.make(keys.privateKeyPem.replace("MII", "MIJ")) })
        yield* scenario(notAKey.client.saveConnection(newConnection))
      }).pipe(
        // In place of the console's logger; the tracer's stays, which makes log lines events of their span.
        Effect.provide(Logger.layer([Logger.map(Logger.formatLogFmt, (l) => lines.push(l)), Logger.tracerLogger])),
        Effect.provideService(References.MinimumLogLevel, "All"),
        Effect.withTracer(tracer)
      )

      // The scenarios did what they should, so that there was something to leak.
      expect(tickets.size).toBe(2)
      expect(errors).toHaveLength(3)
      expect(lines.some((l) => l.includes("SuperID: system user authenticated"))).toBe(true)
      expect(lines.some((l) => l.includes("rejected the ticket"))).toBe(true)
      expect(spans.map((s) => s.name)).toEqual(
        expect.arrayContaining(["SuperId.PartnerSystemUser.Authenticate", "SuperId.keys", "ErpSync.SaveConnection"])
      )

      const text = rendered(lines, errors, spans)
      const keyBodies = [keys.privateKeyPem, otherKeys.privateKeyXml].flatMap((key) =>
        key.split(/\r?\n|<\/?\w+>/).filter((part) => part.length >= 16)
      )
      for (const secret of [SYSTEM_USER_TOKEN, APPLICATION_TOKEN, ...tickets, ...keyBodies]) {
        expect(text).not.toContain(secret)
      }
      // Every JWT starts with the base64url of `{"`.
      expect(text).not.toContain("eyJ")
    }))
})
