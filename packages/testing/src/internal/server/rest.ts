/**
 * The local server's REST side: the ErpSync agent of SuperOffice's WebAPI (`POST
 * {tenant}/api/v1/Agents/ErpSync/<Operation>`), over the same model and handlers as the SOAP endpoints, at
 * Services88 (the WebAPI's level). As the vendor documents it: the request's members as a JSON object (read
 * case-insensitively: the vendor's own client sends camelCase), or as the operation's REST binding says (a
 * member posted as the whole body, members as query parameters); the response's `Response` as the answer,
 * `204 No Content` for an operation without one; `401` without a valid ticket (`Authorization: SOTicket
 * <ticket>`, or `Bearer <access token>`); a failure as the WebAPI's error object (`Error`, `ErrorType`,
 * `ErrorMessage`, `ErrorSource`).
 */
import { JsonCodec, type Service } from "@erpsync/codec"
import { versions } from "@erpsync/schema"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import type { Served, ServerState } from "./dispatch.js"

/** A REST answer: its status, and its JSON text or none. */
export interface RestAnswer {
  readonly status: number
  readonly json: string | undefined
  readonly headers?: Readonly<Record<string, string>>
}

/** `…/api/v1/Agents/<Service>/<Operation>`, optionally below one folder (a tenant's, `/Cust12345/api/…`). */
export const restPath = /^(?:\/[^/]+)?\/api\/v1\/agents\/([^/]+)\/([^/]+?)\/?$/i

const errorObject = (status: number, type: string, message: string): RestAnswer => ({
  status,
  json: JSON.stringify({ Error: true, ErrorType: type, ErrorMessage: message, ErrorSource: "SuperOffice.Services88" })
})

/** The HTTP status the WebAPI answers an exception of `type` with. */
const statusOf = (type: string): number =>
  /NotFound/i.test(type) ? 404 : /Authentication/i.test(type) ? 401 : /Argument/i.test(type) ? 400 : 500

interface RestOperation {
  readonly served: Served
  readonly body: Schema.Codec<unknown, unknown>
  /** The request body with every member at its default. */
  readonly defaults: Readonly<Record<string, unknown>>
  readonly members: Readonly<Record<string, Schema.Codec<unknown, unknown>>>
  /** The response's `Response` member, or none for an operation that answers nothing. */
  readonly response: Schema.Codec<unknown, unknown> | undefined
  readonly binding: Service.RestBinding | undefined
}

type Fields = { readonly fields: Readonly<Record<string, Schema.Codec<unknown, unknown>>> }
const fieldsOf = (schema: Schema.Codec<unknown, unknown>) => (schema as unknown as Fields).fields

/** The ErpSync agent's operations, by name in lower case (paths are matched regardless of case). */
const operationsOf = (served: ReadonlyMap<string, Served>): ReadonlyMap<string, RestOperation> =>
  new Map(
    [...served.values()].map((s) => {
      const body = fieldsOf(s.operation.request)["Body"]!
      const response = fieldsOf(fieldsOf(s.operation.response)["Body"]!)["Response"]
      return [s.operation.name.toLowerCase(), {
        served: s,
        body,
        defaults: Result.getOrThrow(JsonCodec.decodeResult(body)("{}")) as Record<string, unknown>,
        members: fieldsOf(body),
        response,
        binding: s.operation.rest
      }]
    })
  )

/** A member's value from a query parameter's text: a JSON literal (a number, a boolean), else the text itself. */
const fromQuery = (schema: Schema.Codec<unknown, unknown>, text: string) => {
  const literal = JsonCodec.decodeResult(schema)(text)
  return Result.isSuccess(literal) ? literal : JsonCodec.decodeResult(schema)(JSON.stringify(text))
}

/** What the server answers a REST request with. */
export const makeRest = (served: ReadonlyMap<string, Served>) => {
  const operations = operationsOf(served)
  return (request: {
    readonly service: string
    readonly operation: string
    readonly method: string
    readonly headers: Readonly<Record<string, string | undefined>>
    readonly query: URLSearchParams
    readonly body: string
    readonly state: ServerState
  }): RestAnswer => {
    const operation = request.service.toLowerCase() === versions.Services88.ErpSync.name.toLowerCase()
      ? operations.get(request.operation.toLowerCase())
      : undefined
    if (operation === undefined) {
      return errorObject(404, "SoNotFoundException", `No agent method ${request.service}/${request.operation}`)
    }
    if (request.method !== "POST") {
      return { status: 405, json: undefined, headers: { allow: "POST" } }
    }
    const authorization = request.headers["authorization"] ?? ""
    const ticket = /^soticket\s+(\S+)$/i.exec(authorization)?.[1]
    const token = /^bearer\s+(\S+)$/i.exec(authorization)?.[1]
    const { now, sessions } = request.state
    const authenticated = ticket !== undefined
      ? sessions.check(ticket, now)
      : token !== undefined && sessions.loginWithAccessToken(token, now) !== undefined
    if (!authenticated) {
      return {
        ...errorObject(
          401,
          "SoAuthenticationException",
          "Failed to authenticate: the ticket is missing, invalid or expired"
        ),
        headers: { "www-authenticate": "SOTicket" }
      }
    }
    const media = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase()
    if (request.body.trim() !== "" && media !== "application/json" && media !== "text/json") {
      return errorObject(415, "UnsupportedMediaType", `The request's content type '${media}' is not JSON`)
    }
    const text = request.body.trim() === "" ? "{}" : request.body
    const body = readBody(operation, text, request.query)
    if (Result.isFailure(body)) return errorObject(400, "ArgumentException", body.failure)
    const message = operation.served.answer({ Body: body.success }, request.state) as {
      readonly Header: {
        readonly ExceptionInfo?: { readonly ExceptionType: string | null; readonly Message: string | null }
      }
      readonly Body: { readonly Response?: unknown }
    }
    const exception = message.Header.ExceptionInfo
    if (exception !== undefined) {
      const type = (exception.ExceptionType ?? "Exception").replace(/^.*\./, "")
      return errorObject(statusOf(type), type, exception.Message ?? "")
    }
    if (operation.response === undefined) return { status: 204, json: undefined }
    const json = JsonCodec.encodeResult(operation.response)(message.Body.Response)
    return Result.isSuccess(json)
      ? { status: 200, json: json.success }
      : errorObject(500, "SerializationException", json.failure.message)
  }
}

/** The request body's value: from the JSON object of its members, or as the operation's binding says. */
const readBody = (
  operation: RestOperation,
  text: string,
  query: URLSearchParams
): Result.Result<Record<string, unknown>, string> => {
  const binding = operation.binding
  if (binding?.query !== undefined) {
    const body: Record<string, unknown> = { ...operation.defaults }
    const given = new Map([...query].map(([name, value]) => [name.toLowerCase(), value]))
    for (const member of binding.query) {
      const value = given.get(member.toLowerCase())
      if (value === undefined) continue
      const read = fromQuery(operation.members[member]!, value)
      if (Result.isFailure(read)) return Result.fail(`${member}: ${read.failure.message}`)
      body[member] = read.success
    }
    return Result.succeed(body)
  }
  if (binding?.body !== undefined) {
    const value = JsonCodec.decodeResult(operation.members[binding.body]!)(text)
    if (Result.isFailure(value)) return Result.fail(value.failure.message)
    return Result.succeed({ ...operation.defaults, [binding.body]: value.success })
  }
  // A body of `null` binds every member to its default, as it does in ASP.NET (the vendor's client posts
  // `null` to an operation without members).
  const body = JsonCodec.decodeResult(operation.body)(text.trim() === "null" ? "{}" : text)
  return Result.isSuccess(body)
    ? Result.succeed(body.success as Record<string, unknown>)
    : Result.fail(body.failure.message)
}
