/**
 * Tickets end to end, over real HTTP: the client logs in through the local server's SoPrincipal.svc,
 * shares one ticket between concurrent calls, renews it ahead of expiry and when the service rejects it,
 * and fails a refused login with a typed AuthenticationError. The local server's counts say how often
 * the client logged in. Time is the TestClock, shared by the server (ticket expiry) and the client (the
 * ticket's lifetime), so expiry happens exactly where a test moves the clock.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { XmlCodec } from "@erpsync/codec"
import { SoPrincipal } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as References from "effect/References"
import * as Result from "effect/Result"
import * as Scope from "effect/Scope"
import * as TestClock from "effect/testing/TestClock"
import { newConnection, NO_SYSTEM_USER } from "./support/fixtures.js"
import { recordingTracer, rendered } from "./support/observe.js"
import { closedPort, rawServer } from "./support/servers.js"

const USER = "erp-agent"
const PASSWORD = "pw-5f0c1e-never-shown"
const ACCESS_TOKEN = "at-8d2b77-never-shown"

type ServerOptions = ErpSyncServer.ErpSyncServerOptions

/** The local server with the user and access token, and a client logging in with `login`. */
const setup = (
  login: "password" | "accessToken" | { readonly password: string },
  serverOptions: ServerOptions = {},
  loginOptions: TicketSource.LoginOptions = {}
) =>
  Effect.gen(function*() {
    const server = yield* ErpSyncServer.make({
      username: USER,
      password: PASSWORD,
      accessToken: ACCESS_TOKEN,
      ...serverOptions
    })
    const source = login === "accessToken"
      ? yield* TicketSource.accessToken({ accessToken: Redacted.make(ACCESS_TOKEN), ...loginOptions })
      : yield* TicketSource.usernamePassword({
        username: USER,
        password: Redacted.make(login === "password" ? PASSWORD : login.password),
        ...loginOptions
      })
    const client = yield* ErpSyncClient.make({ url: server.url, timeout: "10 seconds" }).pipe(
      Effect.provideService(TicketSource.TicketSource, source)
    )
    return { server, client }
  }).pipe(Effect.provide(FetchHttpClient.layer))

/** A response of SoPrincipal's that authenticates and gives `ticket`. */
const granting = (ticket: string): SoPrincipal.AuthenticateResponse => ({
  Header: { Succeeded: true },
  Body: { Response: null, Credentials: { Ticket: ticket }, AuthenticationSucceeded: true }
})

/** A raw SoPrincipal endpoint answering every login with `response`, after `delayMillis`. */
const soPrincipalAnswering = (response: SoPrincipal.AuthenticateResponse, delayMillis = 0) => {
  const xml = Result.getOrThrow(XmlCodec.encodeResult(SoPrincipal.AuthenticateResponse)(response))
  return rawServer((_, res) => {
    setTimeout(() => res.writeHead(200, { "content-type": "text/xml; charset=utf-8" }).end(xml), delayMillis)
  })
}

/** A source logging in as `USER` at the SoPrincipal endpoint `url`. */
const loginAt = (url: string) =>
  TicketSource.usernamePassword({ url, username: USER, password: Redacted.make(PASSWORD) })

describe("logging in through SoPrincipal", () => {
  it.effect("with a user name and password: one login, then the save succeeds", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup("password")
      const saved = yield* client.saveConnection(newConnection)
      expect(saved).toStrictEqual({ ...newConnection, ErpConnectionId: saved.ErpConnectionId })
      expect(yield* client.getConnection(saved.ErpConnectionId)).toStrictEqual(Option.some(saved))
      expect(yield* server.counts).toStrictEqual({ logins: 1, failedLogins: 0, rejectedTickets: 0, ...NO_SYSTEM_USER })
    }))

  it.effect("with an access token: one login, then the save succeeds", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup("accessToken")
      const saved = yield* client.saveConnection(newConnection)
      expect(saved.ErpConnectionId).toBeGreaterThan(0)
      expect(yield* server.counts).toStrictEqual({ logins: 1, failedLogins: 0, rejectedTickets: 0, ...NO_SYSTEM_USER })
    }))

  it.effect("a wrong password is an AuthenticationError (NotAuthenticated), not retried, and nothing is saved", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup({ password: "wrong" })
      const error = yield* Effect.flip(client.saveConnection(newConnection))
      expect(error).toMatchObject({
        _tag: "AuthenticationError",
        reason: "NotAuthenticated",
        operation: "AuthenticateUsernamePassword",
        username: USER
      })
      expect(error.message).toBe(
        `AuthenticateUsernamePassword: NotAuthenticated: the service did not authenticate these credentials (user "${USER}")`
      )
      expect(yield* server.counts).toStrictEqual({ logins: 0, failedLogins: 1, rejectedTickets: 0, ...NO_SYSTEM_USER })
      expect(yield* server.connections).toStrictEqual([])
    }))

  it.effect("a failed login is not cached: the next call logs in again", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup({ password: "wrong" })
      yield* Effect.flip(client.saveConnection(newConnection))
      yield* Effect.flip(client.getConnection(1))
      expect((yield* server.counts).failedLogins).toBe(2)
    }))

  it.effect("a wrong access token (an ExceptionInfo) is an AuthenticationError carrying the exception", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ accessToken: ACCESS_TOKEN })
      const source = yield* TicketSource.accessToken({ accessToken: Redacted.make("at-wrong") })
      const client = yield* ErpSyncClient.make({ url: server.url }).pipe(
        Effect.provideService(TicketSource.TicketSource, source)
      )
      const error = yield* Effect.flip(client.saveConnection(newConnection))
      expect(error).toMatchObject({
        _tag: "AuthenticationError",
        reason: "ExceptionInfo",
        operation: "AuthenticateWithAccessToken",
        username: null,
        detail: "The access token is not valid",
        exceptionType: "SoAuthenticationException"
      })
      expect(yield* server.counts).toStrictEqual({ logins: 0, failedLogins: 1, rejectedTickets: 0, ...NO_SYSTEM_USER })
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it.effect("50 concurrent calls on a cold cache log in exactly once", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup("password")
      const saved = yield* Effect.forEach(
        Array.from({ length: 50 }, (_, i) => ({ ...newConnection, DisplayName: `c${i}` })),
        client.saveConnection,
        { concurrency: "unbounded" }
      )
      expect(new Set(saved.map((c) => c.ErpConnectionId)).size).toBe(50)
      expect(yield* server.counts).toStrictEqual({ logins: 1, failedLogins: 0, rejectedTickets: 0, ...NO_SYSTEM_USER })
    }))

  it.effect("50 concurrent calls with a wrong password: one login attempt, 50 AuthenticationErrors", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup({ password: "wrong" })
      const errors = yield* Effect.forEach(
        Array.from({ length: 50 }, () => Effect.flip(client.saveConnection(newConnection))),
        (call) => call,
        { concurrency: "unbounded" }
      )
      expect(errors.every((e) => e._tag === "AuthenticationError" && e.reason === "NotAuthenticated")).toBe(true)
      expect(yield* server.counts).toStrictEqual({ logins: 0, failedLogins: 1, rejectedTickets: 0, ...NO_SYSTEM_USER })
    }))

  it.live(
    "a caller interrupted while the login runs does not stop it for the others",
    () =>
      Effect.gen(function*() {
        // SoPrincipal answers after the first caller is gone; ErpSync accepts the ticket it gives.
        const erpSync = yield* ErpSyncServer.make({ ticket: "7T:slow-login" })
        const soPrincipal = yield* soPrincipalAnswering(granting("7T:slow-login"), 300)
        const source = yield* loginAt(soPrincipal.url)
        const client = yield* ErpSyncClient.make({ url: erpSync.url }).pipe(
          Effect.provideService(TicketSource.TicketSource, source)
        )
        const first = yield* Effect.forkChild(client.saveConnection(newConnection))
        const second = yield* Effect.forkChild(client.saveConnection(newConnection))
        yield* Effect.sleep("50 millis")
        yield* Fiber.interrupt(first)
        const saved = yield* Fiber.join(second)
        expect(saved.ErpConnectionId).toBeGreaterThan(0)
        expect(soPrincipal.requests.length).toBe(1)
        expect(yield* erpSync.connections).toHaveLength(1)
      }).pipe(Effect.provide(FetchHttpClient.layer)),
    { timeout: 20_000 }
  )
})

describe("renewing the ticket", () => {
  it.effect("a ticket that expires between two calls is rejected, renewed, and the second call succeeds", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup("password", { ticketLifetime: "10 minutes" })
      const first = yield* client.saveConnection(newConnection)
      yield* TestClock.adjust("11 minutes")
      const second = yield* client.saveConnection({ ...first, DisplayName: "after expiry" })
      expect(second.DisplayName).toBe("after expiry")
      expect(yield* server.counts).toStrictEqual({ logins: 2, failedLogins: 0, rejectedTickets: 1, ...NO_SYSTEM_USER })
    }))

  /** One login until `before` has passed, a second one at `after`, and no ticket ever rejected. */
  const renewsAhead = (loginOptions: TicketSource.LoginOptions, before: Duration.Duration, after: Duration.Duration) =>
    Effect.gen(function*() {
      const { client, server } = yield* setup("password", { ticketLifetime: "6 hours" }, loginOptions)
      yield* client.saveConnection(newConnection)
      yield* TestClock.adjust(before)
      yield* client.getConnection(1)
      expect((yield* server.counts).logins).toBe(1)
      yield* TestClock.adjust(Duration.subtract(after, before))
      yield* client.getConnection(1)
      expect(yield* server.counts).toStrictEqual({ logins: 2, failedLogins: 0, rejectedTickets: 0, ...NO_SYSTEM_USER })
    })

  it.live("on the wall clock too: a ticket that expired while the client waited is renewed", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup("password", { ticketLifetime: "1 second" })
      yield* client.saveConnection(newConnection)
      yield* Effect.sleep("1100 millis")
      const second = yield* client.saveConnection(newConnection)
      expect(second.ErpConnectionId).toBeGreaterThan(0)
      // On a slow machine the first ticket may expire before its first use as well: every rejection
      // costs one login, and no call fails.
      const counts = yield* server.counts
      expect(counts.rejectedTickets).toBeGreaterThanOrEqual(1)
      expect(counts.logins).toBe(counts.rejectedTickets + 1)
    }).pipe(Effect.provideService(References.MinimumLogLevel, "Warn")))

  it.effect("the configured lifetime renews the ticket ahead of the server's expiry: nothing is rejected", () =>
    renewsAhead({ lifetime: "1 hour" }, Duration.minutes(59), Duration.minutes(61)))

  it.effect("the default lifetime is a little under the server's 6 hours: renewed without a rejection", () =>
    renewsAhead({}, Duration.hours(5), Duration.minutes(5 * 60 + 55)))

  it.effect("50 concurrent calls whose ticket expired: all succeed after a single new login", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup("password", { ticketLifetime: "10 minutes" })
      yield* client.saveConnection(newConnection)
      yield* TestClock.adjust("11 minutes")
      const saved = yield* Effect.forEach(
        Array.from({ length: 50 }, (_, i) => ({ ...newConnection, DisplayName: `c${i}` })),
        client.saveConnection,
        { concurrency: "unbounded" }
      )
      expect(saved).toHaveLength(50)
      const counts = yield* server.counts
      expect(counts.logins).toBe(2)
      expect(counts.rejectedTickets).toBe(50)
    }))

  it.effect("a call is retried once only: a renewed ticket rejected again is an AuthenticationError", () =>
    Effect.gen(function*() {
      // Tickets that are expired as soon as they are issued.
      const { client, server } = yield* setup("password", { ticketLifetime: 0 })
      const error = yield* Effect.flip(client.saveConnection(newConnection))
      expect(error).toMatchObject({
        _tag: "AuthenticationError",
        reason: "TicketRejected",
        operation: "SaveConnection",
        exceptionType: "SoAuthenticationException"
      })
      expect(yield* server.counts).toStrictEqual({ logins: 2, failedLogins: 0, rejectedTickets: 2, ...NO_SYSTEM_USER })
      expect(yield* server.connections).toStrictEqual([])
    }))

  it.effect("a fixed ticket that is rejected is not retried", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: "7T:right" })
      const client = yield* ErpSyncClient.make({ url: server.url }).pipe(
        Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make("7T:wrong")))
      )
      const error = yield* Effect.flip(client.saveConnection(newConnection))
      expect(error).toMatchObject({
        _tag: "AuthenticationError",
        reason: "TicketRejected",
        exceptionType: "SoAuthenticationException"
      })
      expect((yield* server.counts).rejectedTickets).toBe(1)
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it.effect("other service errors are not taken for a rejected ticket: no new login", () =>
    Effect.gen(function*() {
      const { client, server } = yield* setup("password")
      const error = yield* Effect.flip(client.saveConnection({ ...newConnection, ErpConnectionId: 4242 }))
      expect(error).toMatchObject({ _tag: "ServiceError", exceptionType: "SuperOffice.CRM.EntityNotFoundException" })
      expect(yield* server.counts).toStrictEqual({ logins: 1, failedLogins: 0, rejectedTickets: 0, ...NO_SYSTEM_USER })
    }))
})

describe("the SoPrincipal endpoint", () => {
  it("defaults to SoPrincipal.svc beside ErpSync.svc", () => {
    expect(TicketSource.soPrincipalUrl("https://sod.superoffice.com/Cust12345/Remote/Services86/ErpSync.svc"))
      .toBe("https://sod.superoffice.com/Cust12345/Remote/Services86/SoPrincipal.svc")
    expect(TicketSource.soPrincipalUrl("http://crm.local:8080/SuperOffice/Remote/Services86/ErpSync.svc/?x=1#y"))
      .toBe("http://crm.local:8080/SuperOffice/Remote/Services86/SoPrincipal.svc")
  })

  it.effect("can be set: a login against a closed port is a TransportError of the login operation", () =>
    Effect.gen(function*() {
      const port = yield* closedPort
      const { client, server } = yield* setup("password", {}, { url: `http://127.0.0.1:${port}/SoPrincipal.svc` })
      const error = yield* Effect.flip(client.saveConnection(newConnection))
      expect(error).toMatchObject({
        _tag: "TransportError",
        reason: "Connect",
        operation: "AuthenticateUsernamePassword"
      })
      expect((yield* server.counts).logins).toBe(0)
    }))

  it.effect("an ErpSync URL that is not a URL is a ConfigurationError when the client is made, naming it", () =>
    Effect.gen(function*() {
      const source = yield* TicketSource.usernamePassword({ username: USER, password: Redacted.make(PASSWORD) })
      const error = yield* Effect.flip(
        ErpSyncClient.make({ url: "not a url" }).pipe(Effect.provideService(TicketSource.TicketSource, source))
      )
      expect(error).toMatchObject({
        _tag: "ConfigurationError",
        reason: "Url",
        url: "not a url",
        detail: "url: it is not a URL: it has no scheme (https://…)"
      })
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it.effect("answers that authenticate nobody or give no ticket are typed AuthenticationErrors", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<[SoPrincipal.AuthenticateResponse, string]> = [
        [{
          Header: { Succeeded: true },
          Body: { Response: null, Credentials: { Ticket: "" }, AuthenticationSucceeded: true }
        }, "NoTicket"],
        [{
          Header: { Succeeded: true },
          Body: { Response: null, Credentials: null, AuthenticationSucceeded: true }
        }, "NoTicket"],
        [{
          Header: { Succeeded: false },
          Body: { Response: null, Credentials: null, AuthenticationSucceeded: false }
        }, "NotSucceeded"],
        [{
          Header: { Succeeded: true },
          Body: { Response: null, Credentials: { Ticket: "7T:ignored" }, AuthenticationSucceeded: false }
        }, "NotAuthenticated"]
      ]
      for (const [response, reason] of cases) {
        const soPrincipal = yield* soPrincipalAnswering(response)
        const source = yield* loginAt(soPrincipal.url)
        const error = yield* Effect.flip(source.get({ url: soPrincipal.url, applicationToken: undefined }))
        expect(error).toMatchObject({ _tag: "AuthenticationError", reason })
      }
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it.effect("the login request is the WSDL's: SOAP 1.1, its SOAPAction, the application token in the header", () =>
    Effect.gen(function*() {
      const soPrincipal = yield* soPrincipalAnswering(granting("7T:t"))
      const source = yield* loginAt(soPrincipal.url)
      const ticket = yield* source.get({ url: soPrincipal.url, applicationToken: Redacted.make("app-token") })
      expect(Redacted.value(ticket)).toBe("7T:t")
      const request = soPrincipal.requests[0]!
      expect(request.headers["content-type"]).toBe("text/xml; charset=utf-8")
      expect(request.headers["soapaction"]).toBe(
        "\"http://www.superoffice.net/ws/crm/NetServer/Services86/SoPrincipal/AuthenticateUsernamePassword\""
      )
      const decoded = yield* XmlCodec.decode(SoPrincipal.AuthenticateUsernamePasswordRequest)(request.body)
      expect(decoded).toStrictEqual({
        Header: { ApplicationToken: "app-token" },
        Body: { UserName: USER, Password: PASSWORD }
      })
    }).pipe(Effect.provide(FetchHttpClient.layer)))
})

describe("the ticket cache under interruption, timeouts and closing", () => {
  const request: TicketSource.TicketRequest = {
    url: "http://soprincipal.invalid/Remote/Services86/ErpSync.svc",
    applicationToken: undefined
  }
  const authenticated = Result.getOrThrow(
    XmlCodec.encodeResult(SoPrincipal.AuthenticateResponse)(granting("7T:in-process"))
  )
  /** An HttpClient answering every login at once, in process: counts the logins. */
  const inProcess = () => {
    let logins = 0
    const client = HttpClient.make((request) =>
      Effect.sync(() => {
        logins++
        return HttpClientResponse.fromWeb(
          request,
          new Response(authenticated, { headers: { "content-type": "text/xml; charset=utf-8" } })
        )
      })
    )
    return { client, logins: () => logins }
  }
  const sourceIn = (scope: Scope.Scope, client: HttpClient.HttpClient, options: TicketSource.LoginOptions = {}) =>
    TicketSource.usernamePassword({ username: USER, password: Redacted.make(PASSWORD), ...options }).pipe(
      Scope.provide(scope),
      Effect.provideService(HttpClient.HttpClient, client)
    )
  const pad = (n: number): Effect.Effect<void> => n === 0 ? Effect.void : Effect.flatMap(Effect.void, () => pad(n - 1))

  it.live(
    "a cold get interrupted at any step leaves no login pending: the next get gets a ticket",
    () =>
      Effect.gen(function*() {
        // A fiber yields every 2,048 operations, and `pad(n)` takes 2n: padding by 0 to 1,100 puts that
        // yield, and so the interruption, at every operation of the get.
        const hung: Array<number> = []
        for (let n = 0; n <= 1100; n++) {
          const scope = yield* Scope.make()
          const { client } = inProcess()
          const source = yield* sourceIn(scope, client)
          const fiber = yield* Effect.forkChild(Effect.andThen(pad(n), source.get(request)))
          yield* Effect.yieldNow
          yield* Fiber.interrupt(fiber)
          const next = yield* source.get(request).pipe(Effect.timeout("2 seconds"), Effect.exit)
          if (Exit.isFailure(next)) hung.push(n)
          yield* Scope.close(scope, Exit.void)
        }
        expect(hung).toStrictEqual([])
      }),
    { timeout: 60_000 }
  )

  it.live("closing the source's scope ends a login in flight, and a get after that is a defect, not a hang", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const source = yield* sourceIn(scope, HttpClient.make(() => Effect.never))
      const waiting = yield* Effect.forkChild(source.get(request))
      yield* Effect.sleep("20 millis")
      yield* Scope.close(scope, Exit.void)
      const ended = yield* Fiber.await(waiting).pipe(Effect.timeout("2 seconds"))
      expect(Exit.hasInterrupts(ended)).toBe(true)
      const after = yield* source.get(request).pipe(Effect.timeout("2 seconds"), Effect.exit)
      expect(Exit.isFailure(after) && Cause.hasDies(after.cause)).toBe(true)
    }))

  it.live("a login that does not answer ends at its own deadline, and the client's deadline covers the login", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const silent = HttpClient.make(() => Effect.never)
      const source = yield* sourceIn(scope, silent, { timeout: "100 millis" })
      const error = yield* Effect.flip(source.get(request))
      expect(error).toMatchObject({
        _tag: "TimeoutError",
        operation: "AuthenticateUsernamePassword",
        timeoutMillis: 100,
        waitingFor: "Answer"
      })
      const patient = yield* sourceIn(scope, silent, { timeout: "1 minute" })
      const client = yield* ErpSyncClient.make({ url: request.url, timeout: "100 millis" }).pipe(
        Effect.provideService(TicketSource.TicketSource, patient),
        Effect.provideService(HttpClient.HttpClient, silent)
      )
      const timedOut = yield* Effect.flip(client.getConnection(1))
      expect(timedOut).toMatchObject({
        _tag: "TimeoutError",
        operation: "GetConnection",
        timeoutMillis: 100,
        waitingFor: "Ticket"
      })
      expect(timedOut.message).toBe("GetConnection: Deadline: no ticket within 100 ms")
      yield* Scope.close(scope, Exit.void)
    }))

  it.effect("one ticket per application token: clients of two applications do not share a ticket", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const { client, logins } = inProcess()
      const source = yield* sourceIn(scope, client)
      yield* source.get({ ...request, applicationToken: Redacted.make("app-1") })
      yield* source.get({ ...request, applicationToken: Redacted.make("app-1") })
      expect(logins()).toBe(1)
      yield* source.get({ ...request, applicationToken: Redacted.make("app-2") })
      expect(logins()).toBe(2)
      yield* Scope.close(scope, Exit.void)
    }))
})

describe("configuration from the environment", () => {
  const ConfiguredClient = ErpSyncClient.layerConfig().pipe(
    Layer.provide(TicketSource.layerConfig()),
    Layer.provide(FetchHttpClient.layer)
  )
  const withEnvironment =
    (env: ReadonlyArray<readonly [string, string]>) =>
    <A, E>(program: Effect.Effect<A, E, ErpSyncClient.ErpSyncClient>) =>
      program.pipe(
        Effect.provide(ConfiguredClient),
        Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env: Object.fromEntries(env) }))
      )
  const saveWith = (env: ReadonlyArray<readonly [string, string]>) =>
    withEnvironment(env)(ErpSyncClient.saveConnection(newConnection))

  it.effect("ERPSYNC_USERNAME and ERPSYNC_PASSWORD log in; ERPSYNC_TICKET_LIFETIME sets the lifetime", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ username: USER, password: PASSWORD })
      yield* withEnvironment([
        ["ERPSYNC_URL", server.url],
        ["ERPSYNC_USERNAME", USER],
        ["ERPSYNC_PASSWORD", PASSWORD],
        ["ERPSYNC_TICKET_LIFETIME", "1 hour"]
      ])(Effect.gen(function*() {
        const saved = yield* ErpSyncClient.saveConnection(newConnection)
        expect(saved.ErpConnectionId).toBe(1)
        yield* TestClock.adjust("59 minutes")
        yield* ErpSyncClient.getConnection(1)
        expect((yield* server.counts).logins).toBe(1)
        yield* TestClock.adjust("2 minutes")
        yield* ErpSyncClient.getConnection(1)
      }))
      expect(yield* server.counts).toStrictEqual({ logins: 2, failedLogins: 0, rejectedTickets: 0, ...NO_SYSTEM_USER })
    }))

  it.effect("ERPSYNC_ACCESS_TOKEN logs in with the access token, at ERPSYNC_SOPRINCIPAL_URL when set", () =>
    Effect.gen(function*() {
      // The default SoPrincipal endpoint would be the local server's; the configured one answers instead.
      const erpSync = yield* ErpSyncServer.make({ ticket: "7T:from-configured-endpoint" })
      const soPrincipal = yield* soPrincipalAnswering(granting("7T:from-configured-endpoint"))
      const saved = yield* saveWith([
        ["ERPSYNC_URL", erpSync.url],
        ["ERPSYNC_ACCESS_TOKEN", ACCESS_TOKEN],
        ["ERPSYNC_SOPRINCIPAL_URL", soPrincipal.url]
      ])
      expect(saved.ErpConnectionId).toBe(1)
      expect(soPrincipal.requests).toHaveLength(1)
      const login = yield* XmlCodec.decode(SoPrincipal.AuthenticateWithAccessTokenRequest)(
        soPrincipal.requests[0]!.body
      )
      expect(login.Body.AccessToken).toBe(ACCESS_TOKEN)
    }))

  it.effect("ERPSYNC_REST_AUTHORIZATION says how an access token authorises REST calls: Bearer or SOTicket", () =>
    Effect.gen(function*() {
      const read = (env: Record<string, string>) =>
        TicketSource.config.parse(ConfigProvider.fromEnv({ env: { ERPSYNC_ACCESS_TOKEN: ACCESS_TOKEN, ...env } }))
      expect(yield* read({})).toMatchObject({ _tag: "AccessToken", restAuthorization: undefined })
      expect(yield* read({ ERPSYNC_REST_AUTHORIZATION: "SOTicket" })).toMatchObject({ restAuthorization: "SOTicket" })
      expect(yield* read({ ERPSYNC_REST_AUTHORIZATION: "Bearer" })).toMatchObject({ restAuthorization: "Bearer" })
      const error = yield* Effect.flip(read({ ERPSYNC_REST_AUTHORIZATION: "Basic" }))
      expect(String(error)).toContain("ERPSYNC_REST_AUTHORIZATION")
    }))

  it.effect("ERPSYNC_TICKET comes first; with no way to get a ticket, a ConfigError names all three", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: "7T:env", username: USER, password: PASSWORD })
      yield* saveWith([
        ["ERPSYNC_URL", server.url],
        ["ERPSYNC_TICKET", "7T:env"],
        ["ERPSYNC_USERNAME", USER],
        ["ERPSYNC_PASSWORD", PASSWORD]
      ])
      expect((yield* server.counts).logins).toBe(0)
      const error = yield* Effect.flip(saveWith([["ERPSYNC_URL", server.url], ["ERPSYNC_USERNAME", USER]]))
      for (const name of ["ERPSYNC_TICKET", "ERPSYNC_PASSWORD", "ERPSYNC_ACCESS_TOKEN"]) {
        expect(String(error)).toContain(name)
      }
    }))
})

describe("secrets", () => {
  it.effect("no password, access token or ticket in any error, log line or span", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const { spans, tracer } = yield* recordingTracer
      const tickets = new Set<string>()
      const collectTickets = (xml: string) => {
        for (const match of xml.matchAll(/<(?:\w+:)?Ticket>([^<]+)</g)) tickets.add(match[1]!)
      }
      const errors: Array<unknown> = []
      const scenario = <A, E>(effect: Effect.Effect<A, E>) =>
        effect.pipe(
          // What a user's program does with a failure: log it, with its cause.
          Effect.tapCause((cause) => Effect.logError("call failed", cause)),
          Effect.exit,
          Effect.map((exit) => {
            if (Exit.isFailure(exit)) errors.push(exit.cause)
          })
        )
      const onExchange = (exchange: ErpSyncServer.Exchange) =>
        Effect.sync(() => {
          collectTickets(exchange.request)
          collectTickets(exchange.response)
        })

      yield* Effect.gen(function*() {
        const ok = yield* setup("password", { ticketLifetime: "10 minutes", onExchange })
        yield* scenario(ok.client.saveConnection(newConnection))
        yield* TestClock.adjust("11 minutes") // expired: rejected, then renewed
        yield* scenario(ok.client.saveConnection(newConnection))
        yield* scenario(ok.client.saveConnection({ ...newConnection, ErpConnectionId: 999 }))
        const token = yield* setup("accessToken", { onExchange })
        yield* scenario(token.client.getConnection(1))
        const wrongPassword = yield* setup({ password: `${PASSWORD}-wrong` }, { onExchange })
        yield* scenario(wrongPassword.client.saveConnection(newConnection))
        const server = yield* ErpSyncServer.make({ accessToken: ACCESS_TOKEN, onExchange })
        const wrongToken = yield* TicketSource.accessToken({ accessToken: Redacted.make(`${ACCESS_TOKEN}-wrong`) })
        const client = yield* ErpSyncClient.make({ url: server.url }).pipe(
          Effect.provideService(TicketSource.TicketSource, wrongToken)
        )
        yield* scenario(client.saveConnection(newConnection))
      }).pipe(
        Effect.provide(FetchHttpClient.layer),
        // In place of the console's logger; the tracer's stays, which makes log lines events of their span.
        Effect.provide(Logger.layer([Logger.map(Logger.formatLogFmt, (l) => lines.push(l)), Logger.tracerLogger])),
        Effect.provideService(References.MinimumLogLevel, "All"),
        Effect.withTracer(tracer)
      )

      // The scenarios did what they should, so that there was something to leak.
      expect(tickets.size).toBeGreaterThanOrEqual(3)
      expect(errors).toHaveLength(3)
      expect(lines.some((l) => l.includes("SoPrincipal: authenticated"))).toBe(true)
      expect(lines.some((l) => l.includes("rejected the ticket"))).toBe(true)
      expect(lines.some((l) => l.includes("AuthenticationError"))).toBe(true)
      // Log lines inside a call are also events of its span.
      expect(spans.some((span) => "events" in span && Array.isArray(span.events) && span.events.length > 0)).toBe(true)
      expect(spans.map((s) => s.name)).toEqual(
        expect.arrayContaining([
          "SoPrincipal.AuthenticateUsernamePassword",
          "SoPrincipal.AuthenticateWithAccessToken",
          "ErpSync.SaveConnection"
        ])
      )

      const text = rendered(lines, errors as ReadonlyArray<Cause.Cause<unknown>>, spans)
      for (const secret of [PASSWORD, ACCESS_TOKEN, ...tickets]) expect(text).not.toContain(secret)
    }))
})
