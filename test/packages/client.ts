/**
 * A service's use of the client, as a user writes it in their own project: it is type-checked there under
 * `strict` and `exactOptionalPropertyTypes` against the packed packages, and run with plain `node` against
 * the endpoint in `ERPSYNC_URL` (a local server started with `erpsync serve`): a connection saved, read
 * back and deleted.
 */
import type { ErpSyncError } from "@erpsync/agent"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import type { ErpSync } from "@erpsync/schema"
import { Effect, Layer, Option } from "effect"
import { FetchHttpClient } from "effect/http"

const connection: ErpSync.ErpConnection = {
  TableRight: null,
  FieldProperties: null,
  ErpConnectionId: 0,
  ErpConnectorId: 1,
  DisplayName: "Consumer – ærlig & <ekte>",
  DisplayDescription: null,
  Active: true,
  ConnectionId: "",
  MostRecentTimestamp: null,
  ConfigFields: [{ Key: "BaseUrl", Value: "https://erp.example/?a=1&b=2" }],
  Deleted: false,
  AllAccess: true,
  UserGroupAccessIds: [],
  AssociateAccessIds: []
}

const program = Effect.gen(function*() {
  const saved = yield* ErpSyncClient.saveConnection(connection)
  const read = yield* ErpSyncClient.getConnection(saved.ErpConnectionId)
  if (Option.isNone(read) || read.value.DisplayName !== connection.DisplayName) {
    return yield* Effect.die(new Error("the connection read back differs from the one saved"))
  }
  yield* ErpSyncClient.deleteConnection(saved.ErpConnectionId)
  const gone = yield* ErpSyncClient.getConnection(saved.ErpConnectionId)
  console.log(`saved, read back and deleted connection ${saved.ErpConnectionId}; gone: ${Option.isNone(gone)}`)
}).pipe(
  // Errors are matched on by tag.
  Effect.catchTag("ServiceError", (error: ErpSyncError.ServiceError) => Effect.die(error.message))
)

// ERPSYNC_URL, and ERPSYNC_USERNAME with ERPSYNC_PASSWORD, from the environment.
const ErpSyncLive = ErpSyncClient.layerConfig().pipe(
  Layer.provide(TicketSource.layerConfig()),
  Layer.provide(FetchHttpClient.layer)
)

// A failure rejects: Node prints it and exits 1.
await Effect.runPromise(Effect.provide(program, ErpSyncLive))
