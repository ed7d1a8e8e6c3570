/**
 * Every service the library declares, by name: the one record that the client's typed calls, the local
 * server, the command line and the test suites derive from. Adding a service is generating its
 * declarations from its WSDL (`pnpm codegen`) and adding it here.
 *
 * @since 0.2.0
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import * as ErpSync from "./generated/ErpSync.js"
import * as SoPrincipal from "./generated/SoPrincipal.js"

/**
 * The services: ErpSync (`ErpSync.svc`) and SoPrincipal (`SoPrincipal.svc`, the logins that give tickets).
 *
 * @since 0.2.0
 */
export const services = {
  ErpSync: ErpSync.service,
  SoPrincipal: SoPrincipal.service
} as const

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
