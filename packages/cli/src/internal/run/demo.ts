/**
 * `erpsync demo`: a local server, a login through SoPrincipal, a connection saved through the client over
 * real HTTP and read back, with the XML exchanged shown (secrets redacted).
 */
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import type { ErpSync } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { indentXml } from "../pretty.js"

const DEMO_USER = "erp-agent"
const DEMO_PASSWORD = "demo-password"

const connection: ErpSync.ErpConnection = {
  TableRight: null,
  FieldProperties: null,
  ErpConnectionId: 0,
  ErpConnectorId: 1,
  DisplayName: "Visma Business – Oslo",
  DisplayDescription: "Orders & invoices <nightly>",
  Active: true,
  ConnectionId: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  MostRecentTimestamp: null,
  ConfigFields: [
    { Key: "BaseUrl", Value: "https://erp.example/api?company=1&lang=nb" },
    { Key: "Currency", Value: "NOK" }
  ],
  Deleted: false,
  AllAccess: false,
  UserGroupAccessIds: [1, 2],
  AssociateAccessIds: [42]
}

// The demo prints the XML exchanged: the password and the tickets in it are shown redacted, as any secret
// must be.
const redact = (xml: string) =>
  xml.replace(/(<(?:[\w.-]+:)?(?:Password|Ticket|AccessToken)\b[^>]*>)[^<]*/g, "$1[redacted]")

/** The demo, start to end; it dies if the connection read back differs from the one saved. */
export const demo = Effect.scoped(
  Effect.gen(function*() {
    let origin = ""
    const server = yield* ErpSyncServer.make({
      username: DEMO_USER,
      password: DEMO_PASSWORD,
      onExchange: (exchange) =>
        Console.log(
          `\n→ POST ${origin}${exchange.path}\n  SOAPAction: ${exchange.action}\n${
            indentXml(redact(exchange.request))
          }\n← HTTP ${exchange.status}\n${indentXml(redact(exchange.response))}`
        )
    })
    origin = new URL(server.url).origin
    yield* Console.log(`Local ErpSync server listening at ${server.url}, SoPrincipal at ${server.soPrincipalUrl}`)
    const tickets = yield* TicketSource.usernamePassword({
      username: DEMO_USER,
      password: Redacted.make(DEMO_PASSWORD)
    })
    const client = yield* ErpSyncClient.make({ url: server.url }).pipe(
      Effect.provideService(TicketSource.TicketSource, tickets)
    )
    const saved = yield* client.saveConnection(connection)
    yield* Console.log(`\nSaved connection ${saved.ErpConnectionId}:\n${JSON.stringify(saved, null, 2)}`)
    const read = yield* client.getConnection(saved.ErpConnectionId)
    yield* Console.log(
      `\nRead back connection ${saved.ErpConnectionId}:\n${JSON.stringify(Option.getOrNull(read), null, 2)}`
    )
    if (Option.isNone(read) || JSON.stringify(read.value) !== JSON.stringify(saved)) {
      return yield* Effect.die(new Error("the connection read back differs from the one saved"))
    }
    yield* Console.log("\nThe connection read back equals the one saved. Stopping the server.")
  }).pipe(Effect.provide(FetchHttpClient.layer))
)
