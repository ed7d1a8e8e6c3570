/**
 * A SOAP operation as data: its name, its `SOAPAction`, and the schemas of its request and response.
 * The agent and the local server need nothing else to call or serve it.
 *
 * @since 0.1.0
 */
import type * as Schema from "effect/Schema"

/**
 * @since 0.1.0
 * @category models
 */
export interface Operation<Request, Response, Name extends string = string> {
  /** The operation's name in the WSDL's port type, e.g. `SaveConnection`. */
  readonly name: Name
  /** The `soapAction` of the SOAP 1.1 binding (and the `action` parameter of SOAP 1.2). */
  readonly action: string
  /** The service endpoint's file, e.g. `ErpSync.svc`. */
  readonly service: string
  readonly request: Schema.Schema<Request>
  readonly response: Schema.Schema<Response>
}

/**
 * Declares the operations of one service: `operation(name, request, response)` with the `SOAPAction`
 * `actionPrefix + name`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const service = (file: string, actionPrefix: string) =>
<Request, Response, const Name extends string>(
  name: Name,
  request: Schema.Schema<Request>,
  response: Schema.Schema<Response>
): Operation<Request, Response, Name> => ({ name, action: actionPrefix + name, service: file, request, response })
