/**
 * A local ErpSync server for integration tests and demos: every operation of ErpSync, built from the same
 * registry, schemas and codec as the client, over an in-memory model of an installation (connector
 * entities, connections, the sync engine, actor links, mappings, default values and sync requests); and
 * beside it SoPrincipal, whose logins issue tickets that expire, and SuperID, whose system-user exchange
 * issues them as SuperOffice Online does.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type { Service } from "@erpsync/codec"
import { type ErpSync88, type Version, versions } from "@erpsync/schema"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as HttpServerError from "effect/http/HttpServerError"
import * as NetAddress from "effect/net/NetAddress"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import { type Exchange, makeApp } from "./internal/server/app.js"
import { type ApplicationKeys, makeApplicationKeys } from "./internal/server/applicationKeys.js"
import type { ModelSnapshot } from "./internal/server/model.js"
import { ErpSyncModel } from "./internal/server/model.js"
import { type SessionCounts, Sessions } from "./internal/server/sessions.js"
import { SuperId } from "./internal/server/superId.js"

export type {
  /** @since 0.3.0 */
  ApplicationKeys
} from "./internal/server/applicationKeys.js"

export type {
  /** @since 0.1.0 */
  Exchange
} from "./internal/server/app.js"

export type {
  /** @since 0.2.0 */
  ActorLink,
  /** @since 0.2.0 */
  ErpActor,
  /** @since 0.2.0 */
  ModelSnapshot,
  /** @since 0.2.0 */
  SyncRequest
} from "./internal/server/model.js"

export type {
  /** @since 0.1.0 */
  SessionCounts
} from "./internal/server/sessions.js"

/**
 * Options of the local server.
 *
 * @since 0.1.0
 * @category options
 */
export interface ErpSyncServerOptions {
  /** Port to listen on; `0` (the default) picks a free one. */
  readonly port?: number | undefined
  /** Address to listen on. Default `127.0.0.1`. */
  readonly host?: string | undefined
  /**
   * When set, ErpSync requests may carry this ticket. When any of `ticket`, `username` or `accessToken` is
   * set, ErpSync requests without a valid ticket get an in-band `SoAuthenticationException`.
   */
  readonly ticket?: string | undefined
  /** The user SoPrincipal's `AuthenticateUsernamePassword` logs in, with `password`. */
  readonly username?: string | undefined
  readonly password?: string | undefined
  /** The access token SoPrincipal's `AuthenticateWithAccessToken` accepts. */
  readonly accessToken?: string | undefined
  /**
   * The system user SuperID knows: its exchange at `superIdUrl` checks the signed system token against
   * `systemUserToken`, the application's public key and the server's clock, and issues tickets for the
   * tenant below which `tenantUrl` serves ErpSync.
   */
  readonly systemUser?: SystemUserOptions | undefined
  /** How long an issued ticket is valid. Default 6 hours, as NetServer's. */
  readonly ticketLifetime?: Duration.Input | undefined
  /** The largest request body, in bytes; a larger one is answered with HTTP 413. Default 16 MiB. */
  readonly maxRequestBytes?: number | undefined
  /** Called with each exchange (request and response XML), after the response is written. */
  readonly onExchange?: ((exchange: Exchange) => Effect.Effect<void>) | undefined
}

/**
 * The system user the local SuperID knows.
 *
 * @since 0.3.0
 * @category options
 */
export interface SystemUserOptions {
  /** The system user token, `<AppName>-<random>`. */
  readonly systemUserToken: string
  /** The application's public key as PEM (`BEGIN PUBLIC KEY` or `BEGIN RSA PUBLIC KEY`). */
  readonly applicationPublicKey: string
  /** The client secret the exchange must carry; any when unset. */
  readonly applicationToken?: string | undefined
  /** The tenant. Default `Cust12345`. */
  readonly contextIdentifier?: string | undefined
  /** How far the signed timestamp may be from the server's clock. Default 5 minutes. */
  readonly timestampTolerance?: Duration.Input | undefined
}

/**
 * A running local server.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErpSyncServer {
  /** The endpoint URL, `http://host:port/Remote/Services86/ErpSync.svc`. */
  readonly url: string
  /** The SoPrincipal endpoint URL, `http://host:port/Remote/Services86/SoPrincipal.svc`. */
  readonly soPrincipalUrl: string
  /**
   * The endpoint URL of every service at every version, all served from one model:
   * `urls.Services88.ErpSync` is `http://host:port/Remote/Services88/ErpSync.svc`.
   */
  readonly urls: { readonly [V in Version]: { readonly [Name in keyof (typeof versions)[V]]: string } }
  /**
   * The base of SuperOffice's REST WebAPI, `http://host:port/api/`: the ErpSync agent's operations are at
   * `v1/Agents/ErpSync/<Operation>` below it, over the same model (below one folder too).
   */
  readonly webApiUrl: string
  /** How many logins succeeded and failed, and how many ErpSync requests were refused for their ticket. */
  readonly counts: Effect.Effect<SessionCounts>
  /** SuperID's base URL, `http://host:port`: a system user's `superIdUrl`. */
  readonly superIdUrl: string
  /** The ErpSync endpoint below the system user's tenant, `http://host:port/Cust12345/Remote/Services86/ErpSync.svc`. */
  readonly tenantUrl: string
  /** SuperID signs with a new key from now on, and publishes it beside the one it replaces. */
  readonly rotateSigningKey: Effect.Effect<void>
  /** Whether SuperID signs with a key it does not publish, as an impostor would. */
  readonly signWithUnpublishedKey: (on: boolean) => Effect.Effect<void>
  /** The connections stored now. */
  readonly connections: Effect.Effect<ReadonlyArray<ErpSync88.ErpConnection>>
  /** Everything the model holds now. */
  readonly state: Effect.Effect<ModelSnapshot>
}

/**
 * The path of the ErpSync endpoint, the one in its URL. It is served below one folder too (a site's or a
 * tenant's: `/Cust12345/Remote/Services86/ErpSync.svc`); any other path is answered with 404.
 *
 * @since 0.1.0
 */
export const path = "/Remote/Services86/ErpSync.svc"

/**
 * The path of the SoPrincipal endpoint (below one folder too, as `path`).
 *
 * @since 0.1.0
 */
export const soPrincipalPath = "/Remote/Services86/SoPrincipal.svc"

/**
 * Starts a local ErpSync server, stopped when the scope closes.
 *
 * @example
 * ```ts
 * import { ErpSyncServer } from "@erpsync/testing"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const server = yield* ErpSyncServer.make({ username: "erp-agent", password: "s3cret" })
 *   assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/Remote\/Services86\/ErpSync\.svc$/)
 *   assert.deepStrictEqual(yield* server.connections, [])
 * }).pipe(Effect.scoped)
 *
 * Effect.runPromise(program)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: ErpSyncServerOptions = {}
): Effect.Effect<ErpSyncServer, HttpServerError.ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const host = options.host ?? "127.0.0.1"
    const model = new ErpSyncModel()
    const sessions = new Sessions({
      ticket: options.ticket,
      username: options.username,
      password: options.password,
      accessToken: options.accessToken,
      systemUser: options.systemUser !== undefined,
      ticketLifetimeMillis: Duration.toMillis(options.ticketLifetime ?? Duration.hours(6))
    })
    const systemUser = options.systemUser
    const superId = systemUser === undefined ? undefined : yield* SuperId.make({
      systemUserToken: systemUser.systemUserToken,
      applicationPublicKey: systemUser.applicationPublicKey,
      applicationToken: systemUser.applicationToken,
      contextIdentifier: systemUser.contextIdentifier ?? "Cust12345",
      timestampToleranceMillis: Duration.toMillis(systemUser.timestampTolerance ?? Duration.minutes(5))
    }, sessions)
    const server = yield* NodeHttpServer.make(() => http.createServer(), { port: options.port ?? 0, host })
    yield* server.serve(
      makeApp({
        model,
        sessions,
        superId,
        maxRequestBytes: options.maxRequestBytes ?? 16 * 1024 * 1024,
        onExchange: options.onExchange
      })
    )
    const address = server.address
    const port = NetAddress.isUnixPathAddress(address) ? 0 : address.port
    const hostname = host.includes(":") ? `[${host}]` : host
    const origin = `http://${hostname}:${port}`
    const noSystemUser = Effect.die(new Error("the local server has no system user: give `systemUser`"))
    const urls = Object.fromEntries(
      Object.entries(versions).map(([version, services]) => [
        version,
        Object.fromEntries(
          (Object.values(services) as ReadonlyArray<Service.AnyService>).map((service) => [
            service.name,
            `${origin}/Remote/${version}/${service.endpoint}`
          ])
        )
      ])
    ) as ErpSyncServer["urls"]
    return {
      url: `${origin}${path}`,
      soPrincipalUrl: `${origin}${soPrincipalPath}`,
      urls,
      webApiUrl: `${origin}/api/`,
      superIdUrl: origin,
      tenantUrl: `${origin}/${superId?.contextIdentifier ?? "Cust12345"}${path}`,
      rotateSigningKey: superId === undefined ? noSystemUser : superId.rotate(),
      signWithUnpublishedKey: (on) => superId === undefined ? noSystemUser : superId.setSignWithUnpublished(on),
      connections: Effect.sync(() => model.connections.all()),
      state: Effect.sync(() => model.snapshot()),
      counts: Effect.sync(() => sessions.snapshot())
    }
  })

/**
 * A new application key pair for a system user's tests: the private key in each form the library reads
 * (PKCS#8 and PKCS#1 PEM, `<RSAKeyValue>` XML) and the public key for `systemUser.applicationPublicKey`.
 * Outside tests, `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out app.pem` and
 * `openssl pkey -in app.pem -pubout -out app.pub.pem` make the same.
 *
 * @since 0.3.0
 * @category constructors
 */
export const applicationKeys: Effect.Effect<ApplicationKeys> = Effect.sync(makeApplicationKeys)
