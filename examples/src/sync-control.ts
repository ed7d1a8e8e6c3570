/**
 * Control the sync engine: its status, a new interval between its runs, the engine started, a
 * synchronisation of every active connection now, and a resynchronisation of one connection.
 */
import { ErpSyncClient } from "@erpsync/agent"
import { Duration, Effect } from "effect"
import { main } from "./live.js"

main(Effect.gen(function*() {
  const client = yield* ErpSyncClient.ErpSyncClient
  yield* client.ErpSync.ChangeEngineInterval({ Interval: Duration.minutes(15) })
  const { Response: engine } = yield* client.ErpSync.ChangeEngineStatus({ Run: true })
  const { Response: synced } = yield* client.ErpSync.SyncAll({})
  const { Response: connections } = yield* client.ErpSync.GetAllConnections({ IncludeDeleted: false })
  const id = connections?.[0]?.ErpConnectionId ?? 0
  // No internal key ids: every record of the connection.
  const { Response: resynced } = yield* client.ErpSync.ForceResync({ ErpConnectionId: id, InternalKeyIds: [] })
  console.log(
    `engine running: ${engine?.IsRunning}, every ${Duration.format(engine!.Interval)}; SyncAll ok: ${synced?.IsOk}; ` +
      `ForceResync of ${id} ok: ${resynced?.IsOk}`
  )
}))
