/**
 * The client every program uses, configured from the environment: `ERPSYNC_URL` (the tenant's
 * `…/Remote/Services88/ErpSync.svc`), and one way to get a ticket: `ERPSYNC_TICKET`, `ERPSYNC_USERNAME` with
 * `ERPSYNC_PASSWORD`, `ERPSYNC_ACCESS_TOKEN`, or the system user's `ERPSYNC_SYSTEM_USER_TOKEN`,
 * `ERPSYNC_PRIVATE_KEY_FILE` and `ERPSYNC_APPLICATION_TOKEN`.
 */
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { Effect, Layer } from "effect"
import { FetchHttpClient } from "effect/http"

export const ErpSyncLive = ErpSyncClient.layerConfig().pipe(
  Layer.provide(TicketSource.layerConfig()),
  Layer.provide(FetchHttpClient.layer)
)

/** Runs a program with the client; a failure is printed on one line and exits 1. */
export const main = <A, E>(program: Effect.Effect<A, E, ErpSyncClient.ErpSyncClient>): void => {
  Effect.runPromise(Effect.provide(program, ErpSyncLive)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  })
}
