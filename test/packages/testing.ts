/**
 * A user's integration test: the local server of `@erpsync/testing` in-process, the client against it.
 * Type-checked and run in a project of its own, with the packed packages.
 */
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSyncServer } from "@erpsync/testing"
import { Effect, Layer, Redacted } from "effect"
import { FetchHttpClient } from "effect/http"

const test = Effect.gen(function*() {
  const server = yield* ErpSyncServer.make({ username: "u", password: "p" })
  const client = ErpSyncClient.layer({ url: server.url }).pipe(
    Layer.provide(TicketSource.layerUsernamePassword({ username: "u", password: Redacted.make("p") })),
    Layer.provide(FetchHttpClient.layer)
  )
  const { Response } = yield* Effect.flatMap(
    ErpSyncClient.ErpSyncClient,
    (erp) => erp.ErpSync.CreateDefaultErpSyncConnectorEntity({})
  ).pipe(Effect.provide(client))
  const counts = yield* server.counts
  console.log(`connector entity ${Response === null ? "none" : "created"}; logins: ${counts.logins}`)
}).pipe(Effect.scoped)

Effect.runPromise(test).catch((error: unknown) => {
  console.error(String(error))
  process.exit(1)
})
