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
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { newConnection } from "./fixtures.js"

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

/** A request as a raw server saw it. */
export interface SeenRequest {
  readonly method: string
  readonly url: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: Buffer
}

export interface RawServer {
  readonly url: string
  readonly port: number
  readonly requests: Array<SeenRequest>
  /** Sockets open now. */
  readonly openSockets: () => number
}

/**
 * A raw HTTP server on loopback, closed with the scope. `handler` answers however it likes; it is called
 * once the request body has been read whole.
 */
export const rawServer = (
  handler: (request: SeenRequest, response: http.ServerResponse) => void
): Effect.Effect<RawServer, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.callback<{ server: http.Server; raw: RawServer }>((resume) => {
      const requests: Array<SeenRequest> = []
      let open = 0
      const server = http.createServer((req, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (chunk: Buffer) => chunks.push(chunk))
        req.on("end", () => {
          const seen = {
            method: req.method ?? "",
            url: req.url ?? "",
            headers: req.headers,
            body: Buffer.concat(chunks)
          }
          requests.push(seen)
          handler(seen, res)
        })
      })
      server.on("connection", (socket) => {
        open++
        socket.on("close", () => open--)
      })
      server.listen(0, "127.0.0.1", () => {
        const port = (server.address() as AddressInfo).port
        resume(
          Effect.succeed({
            server,
            raw: {
              url: `http://127.0.0.1:${port}/Remote/Services86/ErpSync.svc`,
              port,
              requests,
              openSockets: () => open
            }
          })
        )
      })
    }),
    ({ server }) =>
      Effect.callback<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map(({ raw }) => raw))

/** A loopback port on which nothing listens. */
export const closedPort: Effect.Effect<number> = Effect.callback((resume) => {
  const server = http.createServer()
  server.listen(0, "127.0.0.1", () => {
    const port = (server.address() as AddressInfo).port
    server.close(() => resume(Effect.succeed(port)))
  })
})

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
