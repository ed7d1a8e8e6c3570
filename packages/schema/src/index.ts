/**
 * @since 0.1.0
 */

/**
 * The Services86 XML namespaces.
 *
 * @since 0.1.0
 */
export * as Namespaces from "./Namespaces.js"

/**
 * `Carrier` and the rights types.
 *
 * @since 0.1.0
 */
export * as Carrier from "./Carrier.js"

/**
 * `StringDictionary` and `ArrayOfint`.
 *
 * @since 0.1.0
 */
export * as Collections from "./Collections.js"

/**
 * The request and response headers.
 *
 * @since 0.1.0
 */
export * as Headers from "./Headers.js"

/**
 * The `ErpConnection` data contract.
 *
 * @since 0.1.0
 */
export * from "./ErpConnection.js"

/**
 * A SOAP operation as data.
 *
 * @since 0.1.0
 */
export * as Operation from "./Operation.js"

/**
 * The ErpSync messages and operations.
 *
 * @since 0.1.0
 */
export * as ErpSync from "./ErpSync.js"

/**
 * The SoPrincipal authentication messages and operations.
 *
 * @since 0.1.0
 */
export * as SoPrincipal from "./SoPrincipal.js"
