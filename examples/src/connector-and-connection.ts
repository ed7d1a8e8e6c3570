/**
 * Configure a connector and a connection: register the connector (the web service beside the ERP that
 * NetServer calls) as a connector entity, then save the connection of `connection.json` on it and read it
 * back. Prints the ids NetServer gave them.
 */
import { ErpSyncClient } from "@erpsync/agent"
import { ErpSync88 } from "@erpsync/schema"
import { Effect, Option, Schema } from "effect"
import * as fs from "node:fs"
import { main } from "./live.js"

main(Effect.gen(function*() {
  const client = yield* ErpSyncClient.ErpSyncClient
  // A new connector entity with the server's defaults, saved with a name and the connector's URL.
  const { Response: draft } = yield* client.ErpSync.CreateDefaultErpSyncConnectorEntity({})
  const { Response: connector } = yield* client.ErpSync.SaveErpSyncConnectorEntity({
    ErpSyncConnectorEntity: { ...draft!, DisplayName: "Visma Business", URL: "https://erp.example/connector" }
  })
  // The connection as the command line writes it (`erpsync template ErpConnection`), on that connector.
  const connection = Schema.decodeUnknownSync(ErpSync88.ErpConnection)(
    JSON.parse(fs.readFileSync(new URL("../connection.json", import.meta.url), "utf8"))
  )
  const saved = yield* ErpSyncClient.saveConnection({ ...connection, ErpConnectorId: connector!.ErpConnectorId })
  const read = yield* ErpSyncClient.getConnection(saved.ErpConnectionId)
  if (Option.isNone(read) || read.value.DisplayName !== connection.DisplayName) {
    return yield* Effect.die(new Error("the connection read back is not the one saved"))
  }
  console.log(
    `connector entity ${connector!.ErpConnectorId}; connection ${saved.ErpConnectionId} (${saved.ConnectionId})`
  )
}))
