/**
 * The client, its ticket source and its errors. The local server is at `@erpsync/agent/testing` and the command line at
 * `@erpsync/agent/Cli`, so that importing the client loads neither.
 *
 * @since 0.1.0
 */

/**
 * The ErpSync client service, its configuration and layers.
 *
 * @since 0.1.0
 */
export * as ErpSyncClient from "./ErpSyncClient.js"

/**
 * The errors of an ErpSync call.
 *
 * @since 0.1.0
 */
export * as ErpSyncError from "./ErpSyncError.js"

/**
 * Where the client's tickets come from: a fixed ticket, or a login through SoPrincipal.
 *
 * @since 0.1.0
 */
export * as TicketSource from "./TicketSource.js"
