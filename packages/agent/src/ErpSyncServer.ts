/**
 * A local ErpSync server for integration tests and demos: the WSDL's SOAP binding for SaveConnection,
 * GetConnection and DeleteConnection, built from the same schemas and codec, with an in-memory store.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import type { ErpConnection } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import { type Exchange, makeApp } from "./internal/server/app.js"
import { ConnectionStore } from "./internal/server/store.js"

export type {
  /** @since 0.1.0 */
  Exchange
} from "./internal/server/app.js"

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
  /** When set, requests must carry this ticket, or they get an in-band authentication error. */
  readonly ticket?: string | undefined
  /** Called with each exchange (request and response XML), after the response is written. */
  readonly onExchange?: ((exchange: Exchange) => Effect.Effect<void>) | undefined
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
  /** The connections stored now. */
  readonly connections: Effect.Effect<ReadonlyArray<ErpConnection>>
}

/**
 * The path the server answers on (any path works; this is the one in its URL).
 *
 * @since 0.1.0
 */
export const path = "/Remote/Services86/ErpSync.svc"

/**
 * Starts a local ErpSync server, stopped when the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: ErpSyncServerOptions = {}
): Effect.Effect<ErpSyncServer, HttpServerError.ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const host = options.host ?? "127.0.0.1"
    const store = new ConnectionStore()
    const server = yield* NodeHttpServer.make(() => http.createServer(), { port: options.port ?? 0, host })
    yield* server.serve(makeApp({ store, ticket: options.ticket, onExchange: options.onExchange }))
    const address = server.address
    const port = address._tag === "TcpAddress" ? address.port : 0
    const hostname = host.includes(":") ? `[${host}]` : host
    return {
      url: `http://${hostname}:${port}${path}`,
      connections: Effect.sync(() => store.all())
    }
  })
