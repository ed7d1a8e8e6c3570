/**
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
 * The local ErpSync server (also at `@erpsync/agent/testing`).
 *
 * @since 0.1.0
 */
export * as ErpSyncServer from "./ErpSyncServer.js"

/**
 * The `erpsync` command line.
 *
 * @since 0.1.0
 */
export * as Cli from "./Cli.js"
