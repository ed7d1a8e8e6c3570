/**
 * @since 0.1.0
 */

/**
 * The Services86 and Services88 XML namespaces.
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
 * The ErpSync service at Services88 (`Remote/Services88/ErpSync.svc`), generated from its WSDL: what
 * differs from Services86, and the five operations it adds; the declarations that did not change are
 * Services86's, re-exported.
 *
 * @since 1.0.0
 */
export * as ErpSync88 from "./generated/ErpSync88.js"

/**
 * The SoPrincipal service at Services88 (`Remote/Services88/SoPrincipal.svc`), generated from its WSDL.
 *
 * @since 1.0.0
 */
export * as SoPrincipal88 from "./generated/SoPrincipal88.js"

/**
 * Every service, by name.
 *
 * @since 0.2.0
 */
export * from "./Services.js"
