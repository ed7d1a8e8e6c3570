/**
 * The client end to end, over real HTTP against the local ErpSync server.
 */
import { describe, expect, layer } from "@effect/vitest"
import { ErpSyncClient } from "@erpsync/agent"
import { ErpSync } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { newConnection } from "./support/fixtures.js"
import { recordingTracer } from "./support/observe.js"
import { ClientLive, LocalServerLive, TICKET } from "./support/servers.js"

const Live = ClientLive().pipe(Layer.provideMerge(LocalServerLive))

layer(Live, { excludeTestServices: true })("the client against the local server", (it) => {
  it.effect("creates, gets, updates and deletes a connection", () =>
    Effect.gen(function*() {
      const created = yield* ErpSyncClient.saveConnection(newConnection)
      expect(created.ErpConnectionId).toBeGreaterThan(0)
      expect(created).toStrictEqual({ ...newConnection, ErpConnectionId: created.ErpConnectionId })

      expect(yield* ErpSyncClient.getConnection(created.ErpConnectionId)).toStrictEqual(Option.some(created))

      const updated = yield* ErpSyncClient.saveConnection({ ...created, DisplayName: "renamed", Active: false })
      expect(updated).toStrictEqual({ ...created, DisplayName: "renamed", Active: false })
      expect(yield* ErpSyncClient.getConnection(created.ErpConnectionId)).toStrictEqual(Option.some(updated))

      yield* ErpSyncClient.deleteConnection(created.ErpConnectionId)
      expect(yield* ErpSyncClient.getConnection(created.ErpConnectionId)).toStrictEqual(Option.none())
    }))

  it.effect("an unknown id on save is an in-band ServiceError with the exception's fields", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(ErpSyncClient.saveConnection({ ...newConnection, ErpConnectionId: 424242 }))
      expect(error._tag).toBe("ServiceError")
      expect(error).toMatchObject({
        reason: "ExceptionInfo",
        operation: "SaveConnection",
        detail: "There is no ErpConnection with id 424242",
        exceptionType: "SuperOffice.CRM.EntityNotFoundException",
        httpStatus: 200
      })
    }))

  it.effect("GetConnection of an unknown id is none", () =>
    Effect.gen(function*() {
      expect(yield* ErpSyncClient.getConnection(99999)).toStrictEqual(Option.none())
    }))

  it.effect("an unknown SOAPAction is a SOAP Fault (ActionNotSupported) with HTTP 500, read as a SoapFault", () =>
    Effect.gen(function*() {
      const client = yield* ErpSyncClient.ErpSyncClient
      const bogus = { ...ErpSync.GetConnection, action: ErpSync.service.actionPrefix + "NoSuchOperation" }
      const error = yield* Effect.flip(client.call(bogus, { ErpConnectionId: 1 }))
      expect(error).toMatchObject({
        _tag: "SoapFault",
        reason: "Other",
        soapVersion: "1.1",
        code: { namespace: "http://schemas.microsoft.com/ws/2005/05/addressing/none", name: "ActionNotSupported" }
      })
    }))

  it.effect("200 concurrent saves all succeed with distinct ids", () =>
    Effect.gen(function*() {
      const saved = yield* Effect.forEach(
        Array.from({ length: 200 }, (_, i) => ({ ...newConnection, DisplayName: `c${i}` })),
        ErpSyncClient.saveConnection,
        { concurrency: "unbounded" }
      )
      expect(new Set(saved.map((c) => c.ErpConnectionId)).size).toBe(200)
      expect(saved.map((c) => c.DisplayName)).toStrictEqual(saved.map((_, i) => `c${i}`))
    }))

  it.effect("no ticket in spans: names and attributes of every span of a failing and a succeeding call", () =>
    Effect.gen(function*() {
      const { spans, tracer: recording } = yield* recordingTracer
      yield* ErpSyncClient.saveConnection(newConnection).pipe(Effect.withTracer(recording))
      yield* ErpSyncClient.saveConnection({ ...newConnection, ErpConnectionId: 77777 }).pipe(
        Effect.flip,
        Effect.withTracer(recording)
      )
      expect(spans.map((s) => s.name)).toContain("ErpSync.SaveConnection")
      const dump = JSON.stringify(spans.map((s) => [s.name, [...s.attributes]]))
      expect(dump).not.toContain(TICKET)
      expect(dump).toContain("SaveConnection")
    }))
})

describe("authentication", () => {
  const WrongTicket = ClientLive({ ticket: Redacted.make("7T:wrong") }).pipe(Layer.provideMerge(LocalServerLive))
  layer(WrongTicket, { excludeTestServices: true })("with the wrong ticket", (it) => {
    // A rejected ticket is an AuthenticationError, as every authentication failure is: one catchTag.
    it.effect("a call gets an AuthenticationError (TicketRejected) whose message holds no ticket", () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(ErpSyncClient.saveConnection(newConnection))
        expect(error).toMatchObject({
          _tag: "AuthenticationError",
          reason: "TicketRejected",
          operation: "SaveConnection",
          exceptionType: "SoAuthenticationException"
        })
        expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain("7T:wrong")
      }))
  })
})
