/**
 * Operations a user declares through the public API: a service's constructors give every message the
 * service's headers, so that the client sends the ticket and reads the service's refusals; an operation
 * whose response cannot carry `ExceptionInfo`/`Succeeded` is refused by the client's type, and is a defect
 * if forced.
 */
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { Service, Soap, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import { ErpSync, Namespaces } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// An operation of ErpSync declared as a user would, with the service's own constructors.
const TestConnectionByIdRequest = ErpSync.service.request("TestConnectionById", {
  ErpConnectionId: Xml.optionalElement(Xsd.int)
})
const TestConnectionByIdResponse = ErpSync.service.response("TestConnectionByIdResponse", {
  Response: Xml.optionalElement(Xsd.boolean)
})
const TestConnectionById = ErpSync.service.operation(
  "TestConnectionById",
  TestConnectionByIdRequest,
  TestConnectionByIdResponse
)

// The same operation declared with bare SOAP messages: no Credentials to send, no ExceptionInfo to read.
const bare = {
  name: "TestConnectionById",
  service: "ErpSync",
  endpoint: "ErpSync.svc",
  action: `${ErpSync.service.actionPrefix}TestConnectionById`,
  request: Soap.message({
    namespace: Namespaces.Services86,
    header: { ApplicationToken: Soap.header(Schema.NullOr(Xsd.string)) },
    body: { name: "TestConnectionById", fields: { ErpConnectionId: Xml.optionalElement(Xsd.int) } }
  }),
  response: Soap.message({
    namespace: Namespaces.Services86,
    header: {},
    body: { name: "TestConnectionByIdResponse", fields: { Response: Xml.optionalElement(Xsd.boolean) } }
  }),
  requestMessage: "TestConnectionByIdRequest",
  responseMessage: "TestConnectionByIdResponse"
}

const clientWith = (ticket: string) =>
  Effect.gen(function*() {
    const requests: Array<string> = []
    const server = yield* ErpSyncServer.make({
      ticket: "7T:good",
      onExchange: (exchange) => Effect.sync(() => void requests.push(exchange.request))
    })
    const client = yield* ErpSyncClient.make({ url: server.url }).pipe(
      Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(ticket))),
      Effect.provide(FetchHttpClient.layer)
    )
    return { client, requests, server }
  })

describe("an operation declared with its service's constructors", () => {
  it.effect("sends the client's ticket in Credentials, and gives the response", () =>
    Effect.gen(function*() {
      const { client, requests } = yield* clientWith("7T:good")
      const response = yield* client.call(TestConnectionById, { ErpConnectionId: 1 })
      expect(response).toStrictEqual({ Header: { Succeeded: true }, Body: { Response: false } })
      expect(requests[0]).toContain("<Credentials><Ticket>7T:good</Ticket></Credentials>")
    }))

  it.effect("reads a rejected ticket as an AuthenticationError (TicketRejected)", () =>
    Effect.gen(function*() {
      const { client, server } = yield* clientWith("7T:stale")
      const error = yield* Effect.flip(client.call(TestConnectionById, { ErpConnectionId: 1 }))
      expect(error).toMatchObject({
        _tag: "AuthenticationError",
        reason: "TicketRejected",
        operation: "TestConnectionById",
        exceptionType: "SoAuthenticationException"
      })
      expect(yield* server.counts).toMatchObject({ rejectedTickets: 1 })
    }))

  it("cannot be given a message that lacks the service's headers (a type error)", () => {
    // The same call with the service's messages type-checks:
    ErpSync.service.operation("TestConnectionById", TestConnectionByIdRequest, TestConnectionByIdResponse)
    // @ts-expect-error: a bare SOAP message has other headers than ErpSync's requests
    ErpSync.service.operation("TestConnectionById", bare.request, TestConnectionByIdResponse)
    // @ts-expect-error: a response without ExceptionInfo and Succeeded is not one of ErpSync's
    ErpSync.service.operation("TestConnectionById", TestConnectionByIdRequest, bare.response)
  })
})

describe("RequestBodyInput, what a call takes", () => {
  it("leaves out what the WSDL makes optional, at every depth, and keeps each member's type", () => {
    expectTypeOf<Service.RequestBodyInput<typeof ErpSync.GetConnection>>().toEqualTypeOf<
      { readonly ErpConnectionId?: number }
    >()
    type Save = Service.RequestBodyInput<typeof ErpSync.SaveConnection>
    expectTypeOf<{}>().toExtend<Save>()
    expectTypeOf<{ Connection: { ErpConnectorId: 1; DisplayName: "x"; UserGroupAccessIds: [1] } }>().toExtend<Save>()
    expectTypeOf<{ Connection: null }>().toExtend<Save>()
    expectTypeOf<{ Connection: { DisplayName: 1 } }>().not.toExtend<Save>()
    expectTypeOf<{ Connection: { UserGroupAccessIds: ["1"] } }>().not.toExtend<Save>()
    // What a call gives back has every member.
    expectTypeOf<Service.ResponseBody<typeof ErpSync.SaveConnection>["Response"]>().toEqualTypeOf<
      ErpSync.ErpConnection | null
    >()
  })
})

describe("Callable, the type that guards client.call", () => {
  it("is unknown for an operation of a service, and names the missing header otherwise", () => {
    expectTypeOf<ErpSyncClient.Callable<typeof TestConnectionById>>().toEqualTypeOf<unknown>()
    expectTypeOf<ErpSyncClient.Callable<typeof ErpSync.SaveConnection>>().toEqualTypeOf<unknown>()
    expectTypeOf<ErpSyncClient.Callable<typeof bare>>().toEqualTypeOf<
      ErpSyncClient.MissingStatusHeader<"ExceptionInfo">
    >()
    // An operation widened to any operation: its response cannot be shown to carry them.
    expectTypeOf<ErpSyncClient.Callable<Service.AnyOperation>>().toEqualTypeOf<
      ErpSyncClient.MissingStatusHeader<"ExceptionInfo">
    >()
  })
})

describe("an operation whose response cannot carry ExceptionInfo and Succeeded", () => {
  it.effect("is refused by the type of client.call, and is a defect when forced through", () =>
    Effect.gen(function*() {
      const { client, requests } = yield* clientWith("7T:stale")
      // @ts-expect-error: its response has no ExceptionInfo, so a refusal would pass for success
      const forced: Effect.Effect<unknown, unknown> = client.call(bare, { ErpConnectionId: 1 })
      const exit = yield* Effect.exit(forced)
      expect(Exit.isFailure(exit) && Cause.hasDies(exit.cause)).toBe(true)
      expect(Exit.isFailure(exit) && Cause.pretty(exit.cause)).toContain(
        "ErpSync.TestConnectionById: its response cannot carry ExceptionInfo or Succeeded"
      )
      // Nothing was sent.
      expect(requests).toStrictEqual([])
    }))
})

describe("a service the user declares", () => {
  // Another NetServer agent, declared with the constructor the generator uses, ErpSync's headers reused.
  const definition = Service.define({
    name: "Archive",
    endpoint: "Archive.svc",
    namespace: Namespaces.Services86,
    actionPrefix: "http://www.superoffice.net/ws/crm/NetServer/Services86/Archive/",
    requestHeader: ErpSync.service.requestHeader,
    responseHeader: ErpSync.service.responseHeader
  })
  const Ping = definition.operation(
    "Ping",
    definition.request("Ping", {}),
    definition.response("PingResponse", { Response: Xml.optionalElement(Xsd.boolean) })
  )
  const Archive = Service.make(definition, { Ping })

  it("lists its operations and messages by their WSDL names", () => {
    expect(Object.keys(Archive.operations)).toStrictEqual(["Ping"])
    expect(Object.keys(Archive.messages)).toStrictEqual(["PingRequest", "PingResponse"])
    expect(Ping.action).toBe("http://www.superoffice.net/ws/crm/NetServer/Services86/Archive/Ping")
  })

  it.effect("is called at its endpoint beside the client's (the local server has no Archive.svc: HTTP 404)", () =>
    Effect.gen(function*() {
      const { client } = yield* clientWith("7T:good")
      const error = yield* Effect.flip(client.call(Ping, {}))
      expect(error).toMatchObject({ _tag: "HttpError", reason: "Status", status: 404, operation: "Ping" })
    }))

  it("refuses an operation filed under another name, or of another service", () => {
    expect(() => Service.make(definition, { Pong: Ping })).toThrow("the operation under Pong is Archive.Ping")
    expect(() => Service.make(definition, { TestConnectionById })).toThrow(
      "the operation under TestConnectionById is ErpSync.TestConnectionById"
    )
  })
})

describe("a message's header blocks and empty body (XmlCodec.headerNames, XmlCodec.emptyBody)", () => {
  it("names the header blocks in the WSDL's order of the header message's parts", () => {
    // ErpSync.wsdl: every request's header message has ApplicationToken, Credentials, TimeZone; every
    // response's ExceptionInfo, ExtraInfo, Succeeded, TimeZone.
    expect(XmlCodec.headerNames(ErpSync.SaveConnection.request)).toStrictEqual([
      "ApplicationToken",
      "Credentials",
      "TimeZone"
    ])
    expect(XmlCodec.headerNames(ErpSync.SaveConnection.response)).toStrictEqual([
      "ExceptionInfo",
      "ExtraInfo",
      "Succeeded",
      "TimeZone"
    ])
  })

  it("gives every member its default, and fails for a member that may not be absent", () => {
    // SaveConnection's Connection is minOccurs="0" nillable; ChangeEngineStatus's Run is an xs:boolean.
    expect(XmlCodec.emptyBody(ErpSync.SaveConnection.request)).toStrictEqual(Result.succeed({ Connection: null }))
    expect(XmlCodec.emptyBody(ErpSync.ChangeEngineStatus.request)).toStrictEqual(Result.succeed({ Run: false }))
    const strict = Soap.message({ namespace: "urn:t", header: {}, body: { name: "Strict", fields: { Id: Xsd.int } } })
    const failed = XmlCodec.emptyBody(strict)
    expect(Result.isFailure(failed) && failed.failure._tag).toBe("XmlDecodeError")
  })

  it("reads a body element in no namespace, and one whose namespace needs escaping in an attribute", () => {
    for (const namespace of ["", "urn:a&b\"c"]) {
      const message = Soap.message({
        namespace,
        header: {},
        body: { name: "Ping", fields: { Count: Xml.optionalElement(Xsd.int) } }
      })
      expect(XmlCodec.emptyBody(message)).toStrictEqual(Result.succeed({ Count: 0 }))
    }
  })
})
