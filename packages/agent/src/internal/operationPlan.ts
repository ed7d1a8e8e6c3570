/**
 * What the client needs to know of an operation before calling it, found once from its messages (and
 * cached): where it is called, which header blocks its requests carry, and whether it can be called at
 * all (its response must carry the in-band failure headers).
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import { ErpSync, takesTicket } from "@erpsync/schema"
import type * as Duration from "effect/Duration"
import type * as Schema from "effect/Schema"
import { siblingUrl } from "./endpoint.js"
import type { StatusHeader } from "./serviceError.js"
import {
  asCall,
  type CallableOperation,
  type CallSettings,
  type RequestTemplate,
  requestTemplate,
  type Traced
} from "./transport.js"

export interface Plan {
  readonly url: string
  /** What its calls are made with (its endpoint, and the client's SOAP version and limits). */
  readonly settings: CallSettings
  /** Its requests carry `Credentials`: it needs a ticket. */
  readonly ticket: boolean
  readonly applicationToken: boolean
  readonly timeZone: boolean
  /** The operation, as the client calls it once it has no defect. */
  readonly operation: CallableOperation
  /** What its requests have in common. */
  readonly template: RequestTemplate<unknown, { readonly Header: StatusHeader }>
  /** Its calls, traced and held to the client's deadline. */
  readonly traced: Traced
  /** Why it cannot be called, if it cannot. */
  readonly defect: string | undefined
}

const headerNames = (schema: Schema.Codec<unknown, unknown>): ReadonlySet<string> =>
  new Set(XmlCodec.headerNames(schema))

/**
 * The plans of a client whose ErpSync endpoint is `url`: ErpSync's operations are called there, another
 * service's at `endpoints[service]` or at its endpoint file beside `url`.
 */
export const planner = (
  url: string,
  endpoints: Readonly<Record<string, string>> | undefined,
  settingsOf: (url: string) => CallSettings,
  timeout: Duration.Duration
): (operation: Service.AnyOperation) => Plan => {
  const urlOf = (operation: Service.AnyOperation): string => {
    if (operation.service === ErpSync.service.name) return url
    const configured = endpoints?.[operation.service]
    if (configured !== undefined) return configured
    try {
      return siblingUrl(url, operation.endpoint)
    } catch {
      // Not a URL: the request fails on it with the transport's typed error.
      return url
    }
  }
  const plans = new WeakMap<Service.AnyOperation, Plan>()
  return (operation) => {
    let plan = plans.get(operation)
    if (plan === undefined) {
      const request = headerNames(operation.request)
      const response = headerNames(operation.response)
      const missing = ["ExceptionInfo", "Succeeded"].filter((name) => !response.has(name))
      const endpoint = urlOf(operation)
      const settings = settingsOf(endpoint)
      // Its defect, if any, says whether its response carries the headers; it is only called without one.
      const callable = operation as CallableOperation
      plan = {
        url: endpoint,
        settings,
        operation: callable,
        template: requestTemplate(settings, callable),
        traced: asCall(operation, settings, timeout),
        ticket: takesTicket(operation),
        applicationToken: request.has("ApplicationToken"),
        timeZone: request.has("TimeZone"),
        defect: missing.length === 0 ? undefined : `${operation.service}.${operation.name}: its response cannot ` +
          `carry ${missing.join(" or ")}, so a failure would pass for success; declare it with its service's ` +
          `constructors (Service.define), which give it the service's headers`
      }
      plans.set(operation, plan)
    }
    return plan
  }
}
