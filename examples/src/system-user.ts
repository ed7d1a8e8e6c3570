/**
 * The system user, for a background service in SuperOffice Online: the ticket comes from SuperID's
 * system-user exchange, signed with the application's private key. Set `ERPSYNC_SYSTEM_USER_TOKEN`,
 * `ERPSYNC_PRIVATE_KEY_FILE` and `ERPSYNC_APPLICATION_TOKEN` (and `ERPSYNC_SUPERID_ENVIRONMENT` or
 * `ERPSYNC_SUPERID_URL`); the client logs in with them before its first call, and again when the ticket is old.
 */
import { ErpSyncClient } from "@erpsync/agent"
import { Effect } from "effect"
import { main } from "./live.js"

main(Effect.gen(function*() {
  const client = yield* ErpSyncClient.ErpSyncClient
  const { Response: engine } = yield* client.ErpSync.GetEngineStatus({})
  console.log(`logged in as the system user; the engine is ${engine?.IsRunning === true ? "running" : "stopped"}`)
}))
