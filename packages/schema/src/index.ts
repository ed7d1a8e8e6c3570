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
 * The ErpSync service: its types, messages, operations and the record of its operations (`service`),
 * generated from `ErpSync.wsdl`.
 *
 * @since 0.1.0
 */
export * as ErpSync from "./generated/ErpSync.js"

/**
 * The SoPrincipal service (the logins that give tickets), generated from `SoPrincipal.wsdl`; the types it
 * shares with ErpSync are ErpSync's.
 *
 * @since 0.1.0
 */
export * as SoPrincipal from "./generated/SoPrincipal.js"

/**
 * Every service, by name.
 *
 * @since 0.2.0
 */
export * from "./Services.js"
