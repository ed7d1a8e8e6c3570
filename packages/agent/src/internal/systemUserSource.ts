/**
 * The system-user ticket source: one SuperID exchange per tenant and SuperID, its ticket cached, shared and
 * renewed as the login sources' are; the private key read once; the published keys kept per SuperID.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type * as crypto from "node:crypto"
import * as fs from "node:fs/promises"
import { AuthenticationError, type ErpSyncError } from "../ErpSyncError.js"
import type { SystemUserOptions, TicketRequest, TicketSourceService } from "../TicketSource.js"
import { type KeyStore, makeKeyStore } from "./keySet.js"
import {
  contextIdentifierOf,
  discoveryUrl,
  environmentOf,
  environmentUrl,
  exchange,
  makeSignature,
  OPERATION
} from "./superId.js"
import { readPrivateKey } from "./systemUserKey.js"
import { makeTicketCache } from "./ticketCache.js"
import { DEFAULT_TIMEOUT } from "./transport.js"

const refused = (reason: AuthenticationError["reason"], detail: string) =>
  new AuthenticationError({ reason, operation: OPERATION, username: null, detail, exceptionType: null, exceptions: [] })

/** The private key the options give, read (from its file, if so) and parsed. */
const loadPrivateKey = (
  source: SystemUserOptions["privateKey"]
): Effect.Effect<crypto.KeyObject, AuthenticationError> =>
  Effect.gen(function*() {
    const text = Redacted.isRedacted(source)
      ? Redacted.value(source)
      : yield* Effect.tryPromise({
        try: () => fs.readFile(source.file, "utf8"),
        catch: (e) => {
          const code = (e as { code?: unknown }).code
          return refused(
            "InvalidPrivateKey",
            `the private key file ${source.file} could not be read${typeof code === "string" ? ` (${code})` : ""}`
          )
        }
      })
    return yield* Effect.try({
      try: () => readPrivateKey(text),
      // `readPrivateKey`'s own messages hold nothing of the key.
      catch: (e) => refused("InvalidPrivateKey", e instanceof TypeError ? e.message : "the private key is not usable")
    })
  })

export const systemUserSource = (
  options: SystemUserOptions,
  lifetime: Duration.Input
): Effect.Effect<TicketSourceService, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const cache = yield* makeTicketCache<ErpSyncError>(lifetime)
    const timeout = Duration.fromInputUnsafe(options.timeout ?? DEFAULT_TIMEOUT)
    const signature = yield* makeSignature
    let privateKey: crypto.KeyObject | undefined
    const key = Effect.suspend(() =>
      privateKey === undefined
        ? Effect.tap(loadPrivateKey(options.privateKey), (loaded) => Effect.sync(() => (privateKey = loaded)))
        : Effect.succeed(privateKey)
    )
    const keyStores = new Map<string, KeyStore>()
    const keyStoreOf = (superIdUrl: string) => {
      let store = keyStores.get(superIdUrl)
      if (store === undefined) {
        store = makeKeyStore(client, discoveryUrl(superIdUrl))
        keyStores.set(superIdUrl, store)
      }
      return store
    }
    const superIdUrlOf = (request: TicketRequest) =>
      options.superIdUrl ?? environmentUrl(options.environment ?? environmentOf(request.url) ?? "online")
    const contextIdentifierFor = (request: TicketRequest) =>
      options.contextIdentifier ?? contextIdentifierOf(request.url)
    // One ticket per SuperID and tenant.
    const keyOf = (request: TicketRequest, contextIdentifier: string) =>
      `${superIdUrlOf(request)}\u0000${contextIdentifier.toLowerCase()}`
    const noTenant = () =>
      refused(
        "NoContextIdentifier",
        "no contextIdentifier was given and the ErpSync URL's path names no tenant (/Cust12345/…)"
      )
    return {
      get: (request) => {
        const contextIdentifier = contextIdentifierFor(request)
        if (contextIdentifier === undefined) return Effect.fail(noTenant())
        return cache.get(
          keyOf(request, contextIdentifier),
          Effect.flatMap(key, (privateKey) => {
            const superIdUrl = superIdUrlOf(request)
            return exchange(client, {
              superIdUrl,
              contextIdentifier,
              systemUserToken: options.systemUserToken,
              privateKey,
              applicationToken: options.applicationToken,
              keys: keyStoreOf(superIdUrl),
              signature,
              timeout
            })
          })
        )
      },
      reject: (request, ticket) => {
        const contextIdentifier = contextIdentifierFor(request)
        return contextIdentifier === undefined ? Effect.succeed(false) : cache.reject(
          keyOf(request, contextIdentifier),
          ticket
        ).pipe(
          Effect.andThen(
            Effect.logInfo("ErpSync: the service rejected the ticket; exchanging the system user token again")
          ),
          Effect.as(true)
        )
      }
    }
  })
