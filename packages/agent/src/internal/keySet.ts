/**
 * The keys a SuperID environment signs its JWTs with, as it publishes them: the discovery document
 * (`/login/.well-known/openid-configuration`) names the key set (`jwks_uri`). Fetched once and kept; fetched
 * again when a JWT names a key the kept set lacks (the keys were rotated), once per set kept, so that
 * concurrent verifications of one new key fetch once.
 */
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Jwks from "effect/jose/Jwks"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as SynchronizedRef from "effect/SynchronizedRef"
import { exchangeJson } from "./json.js"

/**
 * A key set as kept: the published keys as a `Jwks` service, which picks a token's key by its algorithm and
 * key id and imports each key once.
 */
export interface KeySet {
  readonly jwks: Jwks.Jwks["Service"]
}

/** Why the keys could not be had: a description without secrets (none is involved). */
export class KeysUnavailable {
  readonly _tag = "KeysUnavailable"
  constructor(readonly detail: string) {}
}

export interface KeyStore {
  /** The kept set, fetched when none is kept yet. */
  readonly current: Effect.Effect<KeySet, KeysUnavailable>
  /** A newer set than `stale`: fetched unless another caller already replaced `stale`. */
  readonly refresh: (stale: KeySet) => Effect.Effect<KeySet, KeysUnavailable>
}

const Discovery = Schema.Struct({ jwks_uri: Schema.String })
const KeySetJson = Schema.Struct({ keys: Schema.Array(Schema.Record(Schema.String, Schema.Unknown)) })
const decodeKeySet = Schema.decodeUnknownOption(Jwks.KeySet)

const OPERATION = "SuperID keys"

const getJson = <A, I>(client: HttpClient.HttpClient, url: string, schema: Schema.Codec<A, I>, what: string) =>
  exchangeJson(client, HttpClientRequest.get(url).pipe(HttpClientRequest.acceptJson), OPERATION).pipe(
    Effect.mapError((error) => new KeysUnavailable(`${what} at ${url}: ${error.message}`)),
    Effect.flatMap((answer) =>
      answer.status !== 200
        ? Effect.fail(new KeysUnavailable(`${what} at ${url}: HTTP ${answer.status}`))
        : Schema.decodeUnknownEffect(schema)(answer.json).pipe(
          Effect.mapError(() => new KeysUnavailable(`${what} at ${url} is not the JSON expected`))
        )
    )
  )

/** Fetches the discovery document at `discoveryUrl`, then the key set it names. */
const fetchKeySet = (client: HttpClient.HttpClient, discoveryUrl: string): Effect.Effect<KeySet, KeysUnavailable> =>
  Effect.gen(function*() {
    const discovery = yield* getJson(client, discoveryUrl, Discovery, "the discovery document")
    let jwksUrl: string
    try {
      jwksUrl = new URL(discovery.jwks_uri, discoveryUrl).href
    } catch {
      return yield* Effect.fail(new KeysUnavailable(`the discovery document's jwks_uri is not a URL`))
    }
    const json = yield* getJson(client, jwksUrl, KeySetJson, "the key set")
    // The issue is not shown: it would quote the keys, and a private key published by mistake with them.
    const keys = decodeKeySet(json)
    if (Option.isNone(keys)) {
      return yield* Effect.fail(new KeysUnavailable(`the key set at ${jwksUrl} is not a JWK set of public keys`))
    }
    return { jwks: yield* Jwks.makeLocal(keys.value) }
  }).pipe(Effect.withSpan("SuperId.keys", { attributes: { "url.full": discoveryUrl } }, { captureStackTrace: false }))

/** A store of the keys published at `discoveryUrl`, empty until first asked. */
export const makeKeyStore = (client: HttpClient.HttpClient, discoveryUrl: string): KeyStore => {
  const ref = SynchronizedRef.makeUnsafe(Option.none<KeySet>())
  const fetch = Effect.map(fetchKeySet(client, discoveryUrl), (set) => [set, Option.some(set)] as const)
  return {
    current: SynchronizedRef.modifyEffect(
      ref,
      (kept) => Option.isSome(kept) ? Effect.succeed([kept.value, kept] as const) : fetch
    ),
    refresh: (stale) =>
      SynchronizedRef.modifyEffect(
        ref,
        (kept) => Option.isSome(kept) && kept.value !== stale ? Effect.succeed([kept.value, kept] as const) : fetch
      )
  }
}
