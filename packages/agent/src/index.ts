/**
 * @since 0.1.0
 */

/**
 * The `erpsync` command line.
 *
 * @since 0.1.0
 */
export * as Cli from "./Cli.js"
