/**
 * The client, its ticket source and its errors. The local server for tests is the package `@erpsync/testing`
 * and the command line `@erpsync/cli`: installing or importing the client brings neither.
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
