/**
 * Serving a service from its record of operations: a handler per operation (the record's type demands
 * one for each), and the answer NetServer gives: the handler's body with `Succeeded` = true, or, for a
 * refusal, an in-band `ExceptionInfo` with `Succeeded` = false and a body of defaults.
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import { type ErpSync, takesTicket } from "@erpsync/schema"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import type { ErpSyncModel } from "./model.js"
import type { Sessions } from "./sessions.js"

/** A refusal: answered in band, as NetServer reports a service exception. */
export class Refusal {
  constructor(readonly message: string, readonly exceptionType: string) {}
}

/** Refuses a request with an exception of type `exceptionType`. */
export const refuse = (message: string, exceptionType: string): Refusal => new Refusal(message, exceptionType)

/** What a handler works with. */
export interface ServerState {
  readonly model: ErpSyncModel
  readonly sessions: Sessions
  /** The time of the request, in epoch milliseconds. */
  readonly now: number
}

/** What the server does with one operation's request body. */
export type Handler<O> = (
  body: Service.RequestBody<O>,
  state: ServerState
) => Service.ResponseBody<O> | Refusal

/** A handler for every operation of a service. */
export type Handlers<S extends Service.AnyService> = {
  readonly [Name in keyof S["operations"]]: Handler<S["operations"][Name]>
}

/** An operation as the server serves it. */
export interface Served {
  readonly operation: Service.AnyOperation
  /** Its requests carry a ticket (`Credentials`), which the server checks. */
  readonly authenticated: boolean
  /** The response message to a request message. */
  readonly answer: (request: { readonly Body: unknown }, state: ServerState) => unknown
  /** The response message refusing a request. */
  readonly refusal: (refusal: Refusal) => unknown
}

/** The headers of an in-band service failure, as NetServer sends them, from the services of `version`. */
export const failureHeader = (
  refusal: Refusal,
  version: string
): { readonly ExceptionInfo: ErpSync.SoExceptionInfo; readonly Succeeded: false } => ({
  ExceptionInfo: {
    Message: refusal.message,
    StackTrace: null,
    FriendlyText: refusal.message,
    ExceptionType: refusal.exceptionType,
    Source: `SuperOffice.${version}`,
    InnerException: null,
    Parameters: null
  },
  Succeeded: false
})

/** The operations of a service, by `SOAPAction`, each served by its handler. */
export const serve = <S extends Service.AnyService>(
  service: S,
  handlers: Handlers<S>
): ReadonlyMap<string, Served> => {
  const served = new Map<string, Served>()
  // `Services86` of `http://www.superoffice.net/ws/crm/NetServer/Services86`.
  const version = service.namespace.slice(service.namespace.lastIndexOf("/") + 1)
  for (const [name, operation] of Object.entries(service.operations)) {
    const handler = (handlers as Record<string, (body: unknown, state: ServerState) => unknown>)[name]!
    const defaultBody = Result.getOrThrow(
      XmlCodec.emptyBody(operation.response as Schema.Codec<{ readonly Body: unknown }, unknown>)
    )
    const refusal = (refusal: Refusal) => ({ Header: failureHeader(refusal, version), Body: defaultBody })
    served.set(operation.action, {
      operation,
      authenticated: takesTicket(operation),
      answer: (request, state) => {
        const result = handler(request.Body, state)
        return result instanceof Refusal ? refusal(result) : { Header: { Succeeded: true }, Body: result }
      },
      refusal
    })
  }
  return served
}
