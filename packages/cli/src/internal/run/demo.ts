/**
 * `erpsync demo`: what an ErpSync integration does, in numbered steps said in plain words, against a local
 * server over real HTTP: a login for a ticket, a connector registered, a connection saved on it and read
 * back. Each exchange is one line (its address, `SOAPAction` and status); `--xml` shows the envelopes too,
 * secrets redacted.
 */
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import type { ErpSync88 } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { DemoArgs } from "../commands.js"
import { wrap } from "../help.js"
import { indentXml } from "../pretty.js"

const DEMO_USER = "erp-agent"
const DEMO_PASSWORD = "demo-password"

// The demo prints the XML exchanged on request: the password and the tickets in it are shown redacted, as
// any secret must be.
const redact = (xml: string) =>
  xml.replace(/(<(?:[\w.-]+:)?(?:Password|Ticket|AccessToken)\b[^>]*>)[^<]*/g, "$1[redacted]")

/** A step: its number and title, then what happens, in plain words, at 80 columns. */
const step = (n: number, title: string, text: string) =>
  Console.log(["", `${n}. ${title}`, ...wrap(text, "   ")].join("\n"))

const say = (text: string) => Console.log(wrap(text, "   ").join("\n"))

/** The demo, start to end; it dies if the connection read back differs from the one saved. */
export const demo = ({ xml }: DemoArgs) =>
  Effect.scoped(
    Effect.gen(function*() {
      let origin = ""
      const server = yield* ErpSyncServer.make({
        username: DEMO_USER,
        password: DEMO_PASSWORD,
        onExchange: (exchange) =>
          Console.log(
            xml
              ? `   → POST ${origin}${exchange.path}\n     SOAPAction: ${exchange.action}\n${
                indentXml(redact(exchange.request))
              }\n   ← HTTP ${exchange.status}\n${indentXml(redact(exchange.response))}`
              : `   → POST ${exchange.path.replace(/^.*\//, "")}  ${
                exchange.action.replace(/^.*\//, "")
              }  ← HTTP ${exchange.status}`
          )
      })
      origin = new URL(server.url).origin
      const url = server.urls.Services88.ErpSync
      yield* step(
        1,
        "A local ErpSync server",
        `It models a SuperOffice NetServer installation on this machine: the ErpSync service at ${url}, and ` +
          `SoPrincipal, the service that logs users in, beside it. Every call below is an HTTP POST of a SOAP ` +
          `envelope (an XML document whose Body holds the request) to the service's .svc address, with a ` +
          `SOAPAction header that names the operation.${xml ? "" : " Run erpsync demo --xml to see the XML."}`
      )
      yield* step(
        2,
        "A ticket",
        `NetServer takes a call only with a ticket, a session credential it issues at a login. The client ` +
          `logs in at SoPrincipal (AuthenticateUsernamePassword, as user ${DEMO_USER}) before its first call, ` +
          `sends the ticket in each call's Credentials header, and logs in again when it expires (in SuperOffice ` +
          `Online a background service gets its ticket through the system-user flow instead). The login ` +
          `happens with the first call, in step 3.`
      )
      const tickets = yield* TicketSource.usernamePassword({
        username: DEMO_USER,
        password: Redacted.make(DEMO_PASSWORD)
      })
      const client = yield* ErpSyncClient.make({ url }).pipe(
        Effect.provideService(TicketSource.TicketSource, tickets)
      )
      yield* step(
        3,
        "A connector",
        "A connector is the web service, run beside the ERP system, that NetServer calls to read and write the " +
          "ERP's customers, suppliers and projects. It is registered as a connector entity: a new one with " +
          "the server's defaults (CreateDefaultErpSyncConnectorEntity), then saved with its name and URL " +
          "(SaveErpSyncConnectorEntity)."
      )
      const draft = (yield* client.ErpSync.CreateDefaultErpSyncConnectorEntity({})).Response!
      const connector = (yield* client.ErpSync.SaveErpSyncConnectorEntity({
        ErpSyncConnectorEntity: { ...draft, DisplayName: "Visma Business", URL: "https://erp.example/connector" }
      })).Response!
      yield* say(`Connector entity ${connector.ErpConnectorId}: ${connector.DisplayName}, at ${connector.URL}.`)
      yield* step(
        4,
        "A connection",
        "A connection is one ERP company reached through that connector: it names the connector entity and " +
          "the configuration the connector asks for (GetConfigurationFields). Saved with id 0, it is created: " +
          "NetServer gives it its id and a GUID that names it to the connector (SaveConnection)."
      )
      const connection: ErpSync88.ErpConnection = {
        TableRight: null,
        FieldProperties: null,
        ErpConnectionId: 0,
        ErpConnectorId: connector.ErpConnectorId,
        DisplayName: "Visma Business – Oslo",
        DisplayDescription: "Orders & invoices <nightly>",
        Active: true,
        ConnectionId: null,
        MostRecentTimestamp: null,
        ConfigFields: [
          { Key: "Url", Value: "https://erp.example/api?company=1&lang=nb" },
          { Key: "Company", Value: "ACME AS" }
        ],
        Deleted: false,
        AllAccess: false,
        UserGroupAccessIds: [1, 2],
        AssociateAccessIds: [42]
      }
      const saved = yield* client.saveConnection(connection)
      yield* Console.log(JSON.stringify(saved, null, 2).replace(/^/gm, "   "))
      yield* step(
        5,
        "Read back",
        "GetConnection reads the connection again, by its id, and it is compared with the one saved."
      )
      const read = yield* client.getConnection(saved.ErpConnectionId)
      if (Option.isNone(read) || JSON.stringify(read.value) !== JSON.stringify(saved)) {
        return yield* Effect.die(new Error("the connection read back differs from the one saved"))
      }
      yield* say(`Connection ${saved.ErpConnectionId} read back equals the one saved.`)
      yield* Console.log(
        [
          "",
          "What to try next:",
          "  erpsync operations                 every operation, what it does and takes",
          "  erpsync template SaveConnection    a request body to fill in",
          "  erpsync serve --ticket 7T:local    this server, to call with erpsync call",
          "  erpsync call GetAllConnections --url <URL> --ticket 7T:local",
          "  erpsync demo --xml                 this demo with the XML of each exchange",
          "The README shows the same calls from a TypeScript service (ErpSyncClient)."
        ].join("\n")
      )
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )
