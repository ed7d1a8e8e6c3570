/**
 * Every service the library declares, by name: the one record that the client's typed calls, the local
 * server, the command line and the test suites derive from. Adding a service is generating its
 * declarations from its WSDL (`pnpm codegen`) and adding it here.
 *
 * @since 0.2.0
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import * as ErpSync from "./generated/ErpSync.js"
import * as ErpSync88 from "./generated/ErpSync88.js"
import * as SoPrincipal from "./generated/SoPrincipal.js"
import * as SoPrincipal88 from "./generated/SoPrincipal88.js"

/**
 * The services at each version, as a type: each service's record, by name.
 *
 * @since 1.0.0
 */
export interface Versions {
  readonly Services86: {
    readonly ErpSync: typeof ErpSync.service
    readonly SoPrincipal: typeof SoPrincipal.service
  }
  readonly Services88: {
    readonly ErpSync: typeof ErpSync88.service
    readonly SoPrincipal: typeof SoPrincipal88.service
  }
}

/**
 * The services at each version of NetServer's SOAP API (`Remote/<version>/<service>.svc`): ErpSync and
 * SoPrincipal (the logins that give tickets) at Services86, and at Services88, which adds five ErpSync
 * operations and shares the declarations that did not change.
 *
 * @since 1.0.0
 */
export const versions: Versions = {
  Services86: {
    ErpSync: ErpSync.service,
    SoPrincipal: SoPrincipal.service
  },
  Services88: {
    ErpSync: ErpSync88.service,
    SoPrincipal: SoPrincipal88.service
  }
}

/**
 * A version of NetServer's SOAP API, as its endpoints' path names it.
 *
 * @since 1.0.0
 */
export type Version = keyof Versions

/**
 * The services at Services86: ErpSync (`ErpSync.svc`) and SoPrincipal (`SoPrincipal.svc`, the logins that
 * give tickets).
 *
 * @since 0.2.0
 */
export const services: Versions["Services86"] = versions.Services86

/**
 * The services' record, as a type.
 *
 * @since 0.2.0
 */
export type Services = typeof services

/**
 * Whether an operation's requests carry a ticket: NetServer's `Credentials` header block. SoPrincipal's
 * logins carry none; they give tickets.
 *
 * @since 0.3.0
 */
export const takesTicket = (operation: Service.AnyOperation): boolean =>
  XmlCodec.headerNames(operation.request).includes("Credentials")
