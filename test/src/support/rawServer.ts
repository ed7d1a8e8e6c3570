/**
 * Raw Node HTTP servers for client tests, that misbehave on purpose (real sockets, not a stubbed
 * HttpClient). Apart from the local server (`servers.ts`), so that a test importing only these does not
 * load `@erpsync/testing`: its server decodes a message of every operation when it is imported, which the
 * codec's mutation testing would count against every mutant of the decoder (a "static" mutant, run against
 * the whole suite).
 */
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import type { AddressInfo } from "node:net"

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
