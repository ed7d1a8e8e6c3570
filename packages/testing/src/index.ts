/**
 * For users' own integration tests: a local ErpSync server to run a client against.
 *
 * @since 0.1.0
 */

/**
 * The local ErpSync server.
 *
 * @since 0.1.0
 */
export * as ErpSyncServer from "./ErpSyncServer.js"
