/**
 * Read the connections and toggle one: every connection that is not deleted (Services88's
 * `GetAllConnections`), then the first switched between active and inactive, and back.
 */
import { ErpSyncClient } from "@erpsync/agent"
import { Effect, Option } from "effect"
import { main } from "./live.js"

main(Effect.gen(function*() {
  const client = yield* ErpSyncClient.ErpSyncClient
  const { Response: connections } = yield* client.ErpSync.GetAllConnections({ IncludeDeleted: false })
  const first = connections?.find((connection) => connection !== null)
  if (first === undefined || first === null) return console.log("no connections")
  const active = (id: number) => Effect.map(ErpSyncClient.getConnection(id), Option.map((c) => c.Active))
  const before = yield* active(first.ErpConnectionId)
  // The answer lists what went wrong, if anything: nothing is success.
  const { Response: problems } = yield* client.ErpSync.ToggleErpConnectionActive({
    ErpConnectionId: first.ErpConnectionId
  })
  const after = yield* active(first.ErpConnectionId)
  yield* client.ErpSync.ToggleErpConnectionActive({ ErpConnectionId: first.ErpConnectionId })
  console.log(
    `${connections?.length ?? 0} connections; connection ${first.ErpConnectionId} active: ${
      Option.getOrNull(before)
    } -> ${Option.getOrNull(after)}, problems: ${problems?.length ?? 0}`
  )
}))
