/**
 * The law of the two wires, for every operation of Services88's ErpSync: a request sent by the client over
 * SOAP and over REST arrives as the same value, the one sent; and a response answered over either wire
 * reads back as the same value, the one answered. The server here is a strict fake of both: it reads and
 * writes each wire as the vendor's WSDL (SOAP) and `REST.md` (the WebAPI's JSON, its bindings, its headers)
 * say, with the codecs' own decoders and encoders; the local server's model is the subject of the read-back law in client-rest.test.ts and
 * of the vendor client's interop test. Values are drawn from arbitraries derived from the schemas.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { JsonCodec, type Service, XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { ErpSync88 } from "@erpsync/schema"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { rawServer, type SeenRequest } from "./support/rawServer.js"

const RUNS = Number(process.env["ERPSYNC_WIRE_RUNS"] ?? 8)
const TICKET = "7T:either-wire"

type Fields = { readonly fields: Readonly<Record<string, Schema.Codec<unknown, unknown>>> }
const fieldsOf = (schema: Schema.Codec<unknown, unknown>) => (schema as unknown as Fields).fields

const operations = Object.values(ErpSync88.service.operations) as ReadonlyArray<Service.AnyOperation>

/** Every object of a value, deep. */
const objectsOf = (value: unknown): Array<object> =>
  Array.isArray(value)
    ? value.flatMap(objectsOf)
    : typeof value === "object" && value !== null && !Duration.isDuration(value)
    ? [value, ...Object.values(value).flatMap(objectsOf)]
    : []

/** Whether both wires carry a value: a .NET dictionary (a JSON object) has no null key; the XML form alone has one. */
const carriedByJson = (value: unknown) =>
  objectsOf(value).every((o) =>
    !(Object.keys(o).length === 2 && "Key" in o && "Value" in o) || "Key" in o && o.Key !== null
  )

/** What the server was sent, and what it answers next. */
interface Exchange {
  readonly seen: Array<{ readonly wire: "soap" | "rest"; readonly operation: string; readonly body: unknown }>
  answer: unknown
}

/** The request body a REST request carries, read as `REST.md` says the WebAPI binds it. */
const restBody = (operation: Service.AnyOperation, request: SeenRequest): unknown => {
  const body = fieldsOf(operation.request)["Body"]!
  const members = fieldsOf(body)
  const defaults = Result.getOrThrow(JsonCodec.decodeResult(body)("{}")) as Record<string, unknown>
  const text = request.body.toString("utf8")
  if (operation.rest?.query !== undefined) {
    const query = new URL(request.url, "http://localhost").searchParams
    return Object.fromEntries(
      Object.entries(defaults).map(([name, value]) => {
        const given = query.get(name)
        return [name, given === null ? value : Result.getOrThrow(JsonCodec.decodeResult(members[name]!)(given))]
      })
    )
  }
  if (operation.rest?.body !== undefined) {
    const member = operation.rest.body
    return { ...defaults, [member]: Result.getOrThrow(JsonCodec.decodeResult(members[member]!)(text)) }
  }
  return Result.getOrThrow(JsonCodec.decodeResult(body)(text === "" ? "{}" : text))
}

/**
 * What REST.md says a WebAPI request is (section 1): a POST, `Accept: application/json`, `Authorization:
 * SOTicket <ticket>`, and a JSON body exactly when the operation has one (none for a query binding, none for
 * an operation without members). A request that is not is refused with a 400.
 */
const restRequestProblem = (operation: Service.AnyOperation, request: SeenRequest): string | undefined => {
  if (request.method !== "POST") return `${request.method}, not POST`
  if (request.headers["accept"] !== "application/json") return `Accept: ${request.headers["accept"]}`
  if (request.headers["authorization"] !== `SOTicket ${TICKET}`) return "no SOTicket"
  const members = Object.keys(fieldsOf(fieldsOf(operation.request)["Body"]!))
  const bodiless = operation.rest?.query !== undefined || members.length === 0
  if (bodiless) return request.body.length === 0 ? undefined : "a body where none is sent"
  const media = String(request.headers["content-type"]).split(";")[0]
  return media === "application/json" ? undefined : `Content-Type: ${request.headers["content-type"]}`
}

/** A server of both wires for every operation: it records each request's body and answers `exchange.answer`. */
const eitherWireServer = (exchange: Exchange) =>
  rawServer((request, response) => {
    const rest = /\/api\/v1\/Agents\/ErpSync\/([^/?]+)/.exec(request.url)
    if (rest !== null) {
      const operation = operations.find((o) => o.name === rest[1])!
      const problem = restRequestProblem(operation, request)
      if (problem !== undefined) {
        response.writeHead(400, { "content-type": "application/json" })
        response.end(JSON.stringify({ Error: true, ErrorType: "ArgumentException", ErrorMessage: problem }))
        return
      }
      exchange.seen.push({ wire: "rest", operation: operation.name, body: restBody(operation, request) })
      const schema = fieldsOf(fieldsOf(operation.response)["Body"]!)["Response"]
      if (schema === undefined) {
        response.writeHead(204).end()
        return
      }
      const json = Result.getOrThrow(JsonCodec.encodeResult(schema)(exchange.answer))
      response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(json)
      return
    }
    const action = String(request.headers["soapaction"]).replace(/^"|"$/g, "")
    const operation = operations.find((o) => o.action === action)!
    const message = Result.getOrThrow(XmlCodec.decodeResult(operation.request)(request.body)) as { Body: unknown }
    exchange.seen.push({ wire: "soap", operation: operation.name, body: message.Body })
    const hasResponse = fieldsOf(fieldsOf(operation.response)["Body"]!)["Response"] !== undefined
    const xml = Result.getOrThrow(
      XmlCodec.encodeResult(operation.response)({
        Header: {},
        Body: hasResponse ? { Response: exchange.answer } : {}
      })
    )
    response.writeHead(200, { "content-type": "text/xml; charset=utf-8" }).end(xml)
  })

const clientOf = (url: string, transport: "soap" | "rest") =>
  ErpSyncClient.make({ url, transport }).pipe(
    Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(TICKET))),
    Effect.provide(FetchHttpClient.layer)
  )

type Call = (body: unknown) => Effect.Effect<{ readonly Response?: unknown }, unknown>
const callOf = (client: ErpSyncClient.ErpSyncClientService, name: string) =>
  (client.ErpSync as unknown as Record<string, Call>)[name]!

describe("a value sent or answered over either wire is the same value over the other", () => {
  it("covers the 49 operations of Services88", () => {
    expect(operations).toHaveLength(49)
  })

  it.live.each(operations.map((o) => [o.name, o] as const))("%s", ([name, operation]) =>
    Effect.gen(function*() {
      const exchange: Exchange = { seen: [], answer: undefined }
      const server = yield* eitherWireServer(exchange)
      const url = `http://127.0.0.1:${server.port}/Remote/Services88/ErpSync.svc`
      const soap = callOf(yield* clientOf(url, "soap"), name)
      const rest = callOf(yield* clientOf(url, "rest"), name)
      const requestBody = fieldsOf(operation.request)["Body"]!
      const responseSchema = fieldsOf(fieldsOf(operation.response)["Body"]!)["Response"]
      const answers = responseSchema === undefined ? fc.constant(undefined) : Arbitrary.make(responseSchema)
      yield* Effect.promise(() =>
        fc.assert(
          // Bodies with members left out (minOccurs="0"), at any depth: each arrives as make completes it.
          fc.asyncProperty(Arbitrary.makeInput(requestBody), answers, async (input, answer) => {
            const body = requestBody.make(input)
            fc.pre(carriedByJson(body) && carriedByJson(answer))
            exchange.seen.length = 0
            exchange.answer = answer
            const overSoap = await Effect.runPromise(soap(input))
            const overRest = await Effect.runPromise(rest(input))
            expect(exchange.seen).toStrictEqual([
              { wire: "soap", operation: name, body },
              { wire: "rest", operation: name, body }
            ])
            expect(overRest).toStrictEqual(overSoap)
            expect(overSoap).toStrictEqual(responseSchema === undefined ? {} : { Response: answer })
          }),
          { numRuns: RUNS }
        )
      )
    }).pipe(Effect.scoped))
})
