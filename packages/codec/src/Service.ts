/**
 * A SOAP service as data, the way a WSDL's binding describes it: its endpoint, the header blocks every
 * request and every response carries, and a record of its operations (name, `SOAPAction`, request and
 * response messages). A client, a server, a command line and test suites are derived from the record;
 * nothing lists the operations a second time.
 *
 * @since 0.2.0
 */
import type * as Schema from "effect/Schema"
import * as Soap from "./Soap.js"

/**
 * How an operation's request goes over a REST binding of the service (SuperOffice's WebAPI agents,
 * `POST …/Agents/<Service>/<Operation>`) where it differs from the rule: the request body's members as a
 * JSON object, the response body's `Response` as the answer (none: `204 No Content`).
 *
 * @since 1.0.0
 * @category models
 */
export interface RestBinding {
  /** The request member posted as the whole body, in place of an object of the members. */
  readonly body?: string | undefined
  /** The request members sent as query parameters, with no body. */
  readonly query?: ReadonlyArray<string> | undefined
}

/**
 * An operation: its name in the port type, its `SOAPAction`, and the schemas of its request and
 * response messages, with the names the WSDL gives them (`wsdl:message`).
 *
 * @since 0.2.0
 * @category models
 */
export interface Operation<
  Name extends string = string,
  Request = unknown,
  Response = unknown,
  RequestEncoded = unknown,
  ResponseEncoded = unknown,
  RequestInput = Request
> {
  /** The operation's name, e.g. `SaveConnection`. */
  readonly name: Name
  /** The name of the service it belongs to, e.g. `ErpSync`. */
  readonly service: string
  /** The service's endpoint file, e.g. `ErpSync.svc`, resolved against a client's URL. */
  readonly endpoint: string
  /** The `soapAction` of the SOAP 1.1 binding (and the `action` parameter of SOAP 1.2). */
  readonly action: string
  /** The request message; `~type.make.in` is what `make` takes, the members that may be absent left out. */
  readonly request: Schema.Codec<Request, RequestEncoded> & { readonly "~type.make.in": RequestInput }
  readonly response: Schema.Codec<Response, ResponseEncoded>
  /** The request message's name, e.g. `SaveConnectionRequest`. */
  readonly requestMessage: string
  /** The response message's name, e.g. `SaveConnectionResponse`. */
  readonly responseMessage: string
  /** Where its REST binding departs from the rule, if it does. */
  readonly rest?: RestBinding | undefined
  /** What it does, in a sentence, when its service says (a command line lists it). */
  readonly description?: string | undefined
}

/**
 * Any operation, whatever its messages.
 *
 * @since 0.2.0
 * @category models
 */
export interface AnyOperation {
  readonly name: string
  readonly service: string
  readonly endpoint: string
  readonly action: string
  readonly request: Schema.Codec<unknown, unknown>
  readonly response: Schema.Codec<unknown, unknown>
  readonly requestMessage: string
  readonly responseMessage: string
  readonly rest?: RestBinding | undefined
  readonly description?: string | undefined
}

/**
 * The value of an operation's request body.
 *
 * @since 0.2.0
 * @category models
 */
export type RequestBody<O> = O extends { readonly request: Schema.Codec<infer R, infer _I> }
  ? R extends { readonly Body: infer B } ? B : never
  : never

/**
 * What a caller gives as an operation's request body: its value, less the members that may be absent
 * (`minOccurs="0"`), which take the value an absent element decodes to.
 *
 * @since 1.0.0
 * @category models
 */
export type RequestBodyInput<O> = O extends { readonly request: { readonly "~type.make.in": infer R } }
  ? R extends { readonly Body: infer B } ? B : never
  : never

/**
 * The value of an operation's response body.
 *
 * @since 0.2.0
 * @category models
 */
export type ResponseBody<O> = O extends { readonly response: Schema.Codec<infer R, infer _I> }
  ? R extends { readonly Body: infer B } ? B : never
  : never

/**
 * What a service declares before its operations: its name, endpoint and namespace, the `SOAPAction`
 * prefix of its operations, and the header blocks of its requests and of its responses.
 *
 * @since 0.2.0
 * @category models
 */
export interface DefinitionOptions<
  Name extends string,
  RequestHeader extends Schema.Struct.Fields,
  ResponseHeader extends Schema.Struct.Fields
> {
  /** The port type's name, e.g. `ErpSync`. */
  readonly name: Name
  /** The endpoint file (the last segment of the WSDL's `soap:address`), e.g. `ErpSync.svc`. */
  readonly endpoint: string
  /** The namespace of the body elements and header blocks. */
  readonly namespace: string
  /**
   * The namespaces of earlier versions of the service whose declarations this one uses where the two
   * agree: in its messages they are in `namespace` (`Xml.namespaces`).
   */
  readonly reuses?: ReadonlyArray<string> | undefined
  /** An operation's `SOAPAction` is this prefix and its name, unless it says otherwise. */
  readonly actionPrefix: string
  /** The header blocks every request carries (each usually `Soap.header(...)`). */
  readonly requestHeader: RequestHeader
  /** The header blocks every response carries. */
  readonly responseHeader: ResponseHeader
}

/**
 * A service being declared: the constructors of its messages and operations, which give every message
 * the service's header blocks, so that none can be declared without them.
 *
 * @since 0.2.0
 * @category models
 */
export interface Definition<
  Name extends string,
  RequestHeader extends Schema.Struct.Fields,
  ResponseHeader extends Schema.Struct.Fields
> extends DefinitionOptions<Name, RequestHeader, ResponseHeader> {
  /**
   * A request message: the body element `element` with `body` as its members. Its `wsdl:message` name
   * defaults to `<element>Request`.
   */
  readonly request: <Body extends Schema.Struct.Fields>(
    element: string,
    body: Body,
    options?: { readonly message?: string }
  ) => Soap.Message<RequestHeader, Body>
  /** A response message: the body element `element` (its `wsdl:message` name by default). */
  readonly response: <Body extends Schema.Struct.Fields>(
    element: string,
    body: Body,
    options?: { readonly message?: string }
  ) => Soap.Message<ResponseHeader, Body>
  /** An operation of this service, with messages made by `request` and `response`. */
  readonly operation: <
    const OperationName extends string,
    RequestBody extends Schema.Struct.Fields,
    ResponseBody extends Schema.Struct.Fields
  >(
    name: OperationName,
    request: Soap.Message<RequestHeader, RequestBody>,
    response: Soap.Message<ResponseHeader, ResponseBody>,
    options?: { readonly action?: string; readonly rest?: RestBinding; readonly description?: string }
  ) => Operation<
    OperationName,
    Schema.Schema.Type<Soap.Message<RequestHeader, RequestBody>>,
    Schema.Schema.Type<Soap.Message<ResponseHeader, ResponseBody>>,
    Schema.Codec.Encoded<Soap.Message<RequestHeader, RequestBody>>,
    Schema.Codec.Encoded<Soap.Message<ResponseHeader, ResponseBody>>,
    Soap.Message<RequestHeader, RequestBody>["~type.make.in"]
  >
}

/**
 * A service: its definition and the record of its operations, by name; and its messages, by their
 * `wsdl:message` names.
 *
 * @since 0.2.0
 * @category models
 */
export interface Service<
  Name extends string,
  RequestHeader extends Schema.Struct.Fields,
  ResponseHeader extends Schema.Struct.Fields,
  Operations extends Readonly<Record<string, AnyOperation>>
> extends Definition<Name, RequestHeader, ResponseHeader> {
  readonly operations: Operations
  readonly messages: Readonly<Record<string, Schema.Codec<unknown, unknown>>>
}

/**
 * Any service.
 *
 * @since 0.2.0
 * @category models
 */
export interface AnyService {
  readonly name: string
  readonly endpoint: string
  readonly namespace: string
  readonly operations: Readonly<Record<string, AnyOperation>>
  readonly messages: Readonly<Record<string, Schema.Codec<unknown, unknown>>>
}

/**
 * Starts declaring a service.
 *
 * @since 0.2.0
 * @category constructors
 */
export const define = <
  const Name extends string,
  RequestHeader extends Schema.Struct.Fields,
  ResponseHeader extends Schema.Struct.Fields
>(
  options: DefinitionOptions<Name, RequestHeader, ResponseHeader>
): Definition<Name, RequestHeader, ResponseHeader> => ({
  ...options,
  request: (element, body, messageOptions) =>
    Soap.message({
      name: messageOptions?.message ?? `${element}Request`,
      namespace: options.namespace,
      header: options.requestHeader,
      body: { name: element, fields: body },
      reuses: options.reuses
    }),
  response: (element, body, messageOptions) =>
    Soap.message({
      name: messageOptions?.message ?? element,
      namespace: options.namespace,
      header: options.responseHeader,
      body: { name: element, fields: body },
      reuses: options.reuses
    }),
  operation: (name, request, response, operationOptions) => ({
    name,
    service: options.name,
    endpoint: options.endpoint,
    action: operationOptions?.action ?? options.actionPrefix + name,
    // Message fields are context-free schemas (the codec derives nothing else): their context is `never`.
    request: request as never,
    response: response as never,
    requestMessage: Soap.messageName(request) ?? `${name}Request`,
    responseMessage: Soap.messageName(response) ?? `${name}Response`,
    ...(operationOptions?.rest === undefined ? {} : { rest: operationOptions.rest }),
    ...(operationOptions?.description === undefined ? {} : { description: operationOptions.description })
  })
})

/**
 * A service from its definition and its operations (keyed by their names). Throws when an operation
 * is keyed otherwise or belongs to another service, when two share a `SOAPAction` (a server could not tell
 * them apart), or when two different messages share a name.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = <
  Name extends string,
  RequestHeader extends Schema.Struct.Fields,
  ResponseHeader extends Schema.Struct.Fields,
  const Operations extends Readonly<Record<string, AnyOperation>>
>(
  definition: Definition<Name, RequestHeader, ResponseHeader>,
  operations: Operations
): Service<Name, RequestHeader, ResponseHeader, Operations> => {
  const messages: Record<string, Schema.Codec<unknown, unknown>> = {}
  const add = (name: string, schema: Schema.Codec<unknown, unknown>) => {
    if (Object.hasOwn(messages, name)) {
      if (messages[name] !== schema) throw new Error(`${definition.name}: two different messages are named ${name}`)
      return
    }
    Object.defineProperty(messages, name, { value: schema, enumerable: true })
  }
  const actions = new Map<string, string>()
  for (const [key, operation] of Object.entries(operations)) {
    if (operation.name !== key || operation.service !== definition.name) {
      throw new Error(`${definition.name}: the operation under ${key} is ${operation.service}.${operation.name}`)
    }
    const other = actions.get(operation.action)
    if (other !== undefined) {
      throw new Error(`${definition.name}: ${other} and ${key} have the same SOAPAction ${operation.action}`)
    }
    actions.set(operation.action, key)
    add(operation.requestMessage, operation.request)
    add(operation.responseMessage, operation.response)
  }
  return { ...definition, operations, messages }
}
