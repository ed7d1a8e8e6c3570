/**
 * Servers for client tests: the local ErpSync server as a layer, and raw Node HTTP servers that
 * misbehave on purpose (real sockets, not a stubbed HttpClient).
 */
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSyncServer } from "@erpsync/testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as http from "node:http"
import { newConnection } from "./fixtures.js"
import { rawServer, type SeenRequest } from "./rawServer.js"

export { closedPort, type RawServer, rawServer, type SeenRequest } from "./rawServer.js"

export const TICKET = "7T:test-ticket-secret"

/** The local server, started with `TICKET`. */
export class LocalServer extends Context.Service<LocalServer, ErpSyncServer.ErpSyncServer>()("test/LocalServer") {}

export const LocalServerLive = Layer.effect(LocalServer, ErpSyncServer.make({ ticket: TICKET }))

/** Client options, with the fixed ticket to call with (`TICKET` by default). */
export type ClientOptions = Partial<ErpSyncClient.ErpSyncClientConfig> & {
  readonly ticket?: Redacted.Redacted<string>
}

/** A client of the local server, over fetch. */
export const ClientLive = ({ ticket, ...options }: ClientOptions = {}) =>
  Layer.unwrap(
    Effect.map(LocalServer, (server) => ErpSyncClient.layer({ url: server.url, ...options }))
  ).pipe(
    Layer.provide(TicketSource.layerTicket(ticket ?? Redacted.make(TICKET))),
    Layer.provide(FetchHttpClient.layer)
  )

/** Saves `newConnection` against a raw server answering with `handler`; gives the error and the server. */
export const saveAgainst = (
  handler: (request: SeenRequest, response: http.ServerResponse) => void,
  { ticket, ...options }: ClientOptions = {}
) =>
  Effect.gen(function*() {
    const server = yield* rawServer(handler)
    const client = yield* ErpSyncClient.make({ url: server.url, timeout: "5 seconds", ...options })
    const error = yield* Effect.flip(client.saveConnection(newConnection))
    return { error, server }
  }).pipe(
    Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(ticket ?? Redacted.make(TICKET))),
    Effect.provide(FetchHttpClient.layer)
  )
