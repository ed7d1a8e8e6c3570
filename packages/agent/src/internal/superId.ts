/**
 * SuperOffice Online's system-user exchange: the signed system token posted to SuperID's
 * `PartnerSystemUser/Authenticate` with the application's client secret and the tenant, its answer's JWT
 * verified against the environment's published keys (RS256, issuer `SuperOffice AS`, audience `spn:` and
 * the tenant's serial, the tenant asked for) before the ticket claim is taken from it.
 */
import * as Clock from "effect/Clock"
import * as SecureRandom from "effect/crypto/SecureRandom"
import * as Signature from "effect/crypto/Signature"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as JoseError from "effect/jose/JoseError"
import * as Jwks from "effect/jose/Jwks"
import * as Jwt from "effect/jose/Jwt"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as crypto from "node:crypto"
import { AuthenticationError, type ErpSyncError, TimeoutError } from "../ErpSyncError.js"
import { exchangeJson, unexpectedAnswer } from "./json.js"
import type { KeySet, KeyStore } from "./keySet.js"
import { signSystemToken } from "./systemUserKey.js"
import { hostOf } from "./transport.js"

/** SuperID's environments: development, stage and production. */
export type Environment = "sod" | "qaonline" | "online"

/** The operation named in errors and spans. */
export const OPERATION = "PartnerSystemUser/Authenticate"

/** The issuer of system-user JWTs, the same in every environment. */
export const ISSUER = "SuperOffice AS"

/** The prefix of SuperOffice's claim names. */
export const CLAIMS = "http://schemes.superoffice.net/identity/"

/** How far the JWT's times may be from this machine's clock. */
const CLOCK_TOLERANCE = Duration.minutes(5)

/** The base URL of an environment's SuperID. */
export const environmentUrl = (environment: Environment): string => `https://${environment}.superoffice.com`

/** `…/Login/api/PartnerSystemUser/Authenticate` below a SuperID base URL. */
export const authenticateUrl = (superIdUrl: string): string =>
  `${superIdUrl.replace(/\/+$/, "")}/Login/api/PartnerSystemUser/Authenticate`

/** `…/login/.well-known/openid-configuration` below a SuperID base URL. */
export const discoveryUrl = (superIdUrl: string): string =>
  `${superIdUrl.replace(/\/+$/, "")}/login/.well-known/openid-configuration`

/**
 * The environment an Online ErpSync URL is in (`https://sod2.superoffice.com/Cust12345/…` is `sod`), or
 * undefined for any other host.
 */
export const environmentOf = (erpSyncUrl: string): Environment | undefined => {
  let host: string
  try {
    host = new URL(erpSyncUrl).hostname.toLowerCase()
  } catch {
    return undefined
  }
  const match = /^(sod|qaonline|online)\d*\.superoffice\.com$/.exec(host)
  return match === null ? undefined : match[1] as Environment
}

/** The tenant an Online ErpSync URL's path names (`/Cust12345/Remote/…` is `Cust12345`), if any. */
export const contextIdentifierOf = (erpSyncUrl: string): string | undefined => {
  let path: string
  try {
    path = new URL(erpSyncUrl).pathname
  } catch {
    return undefined
  }
  return /^\/(cust\d+)\//i.exec(path)?.[1]
}

/** What one exchange needs. */
export interface ExchangeSettings {
  readonly superIdUrl: string
  readonly contextIdentifier: string
  readonly systemUserToken: Redacted.Redacted<string>
  readonly privateKey: crypto.KeyObject
  readonly applicationToken: Redacted.Redacted<string>
  readonly keys: KeyStore
  /** The signatures of the JWTs are checked with it. */
  readonly signature: Signature.Signature["Service"]
  readonly timeout: Duration.Duration
}

/** The service that checks the JWTs' signatures, on Web Crypto; made once per ticket source. */
export const makeSignature: Effect.Effect<Signature.Signature["Service"]> = Effect.provide(
  Signature.Signature,
  Signature.layerWebCrypto.pipe(Layer.provide(SecureRandom.layerWebCrypto))
)

const Answer = Schema.Struct({
  IsSuccessful: Schema.Boolean,
  Token: Schema.optional(Schema.NullOr(Schema.String)),
  ErrorMessage: Schema.optional(Schema.NullOr(Schema.String))
})
const decodeAnswer = Schema.decodeUnknownOption(Answer)

const refused = (reason: AuthenticationError["reason"], detail: string) =>
  new AuthenticationError({ reason, operation: OPERATION, username: null, detail, exceptionType: null, exceptions: [] })

/** `text` with every occurrence of each secret replaced: SuperID's messages are shown, its echoes are not. */
const scrub = (text: string, secrets: ReadonlyArray<string>): string =>
  secrets.reduce((scrubbed, secret) => secret.length === 0 ? scrubbed : scrubbed.split(secret).join("<redacted>"), text)

/** Any claims: SuperOffice's are checked by `ticketOf`, each failure with its own reason. */
const Claims = Schema.Record(Schema.String, Schema.Unknown)

type Verified = Jwt.Verified<typeof Claims.Type>

const claim = (verified: Verified, name: string): string | undefined => {
  const value = verified.claims[`${CLAIMS}${name}`]
  return typeof value === "string" && value !== "" ? value : undefined
}

/** `jwt` verified against `keys`: RS256, the issuer, and its times within the tolerance. */
const verifyWith = (jwt: string, keys: KeySet, signature: Signature.Signature["Service"]) =>
  Jwt.verifyWithKeySet(Claims, jwt, {
    algorithms: ["RS256"],
    issuer: ISSUER,
    clockTolerance: CLOCK_TOLERANCE,
    // SuperID always dates its tokens: one that never expires is not one of its.
    requiredClaims: ["exp"]
  }).pipe(
    Effect.provideService(Jwks.Jwks, keys.jwks),
    Effect.provideService(Signature.Signature, signature)
  )

/** Why `jwt` does not verify, from the reason alone: `JoseError`'s reasons hold neither the token nor its claims. */
const invalid = (jwt: string, error: Jwt.JwtError) =>
  Effect.gen(function*() {
    if (error._tag !== "JoseError") {
      // Not reached: any JSON object decodes as `Claims`. The issue would quote the claims, so it is not shown.
      return refused("InvalidToken", "the JWT's claims could not be read")
    }
    const reason: JoseError.JoseErrorReason = error.reason
    if (reason._tag !== "KeyNotFound") {
      return refused("InvalidToken", `the JWT does not verify: ${reason.message} (${reason._tag})`)
    }
    const kid = yield* keyIdOf(jwt)
    return refused(
      "InvalidToken",
      `the JWT is signed by a key SuperID does not publish${kid === undefined ? "" : ` (kid ${kid})`}`
    )
  })

/** The verified JWT; fetches the keys again, once, when it names a key the kept set lacks. */
const verify = (jwt: string, keyStore: KeyStore, signature: Signature.Signature["Service"]) =>
  Effect.gen(function*() {
    const unavailable = (error: { readonly detail: string }) => refused("KeysUnavailable", error.detail)
    const keys = yield* Effect.mapError(keyStore.current, unavailable)
    return yield* verifyWith(jwt, keys, signature).pipe(
      Effect.catchReason("JoseError", "KeyNotFound", () =>
        Effect.flatMap(
          Effect.mapError(keyStore.refresh(keys), unavailable),
          (fresh) => verifyWith(jwt, fresh, signature)
        )),
      Effect.catchTag(["JoseError", "SchemaError"], (error) => Effect.flatMap(invalid(jwt, error), Effect.fail))
    )
  })

/** The key id `jwt`'s header names, quoted and cut short for a message; not authenticated. */
const keyIdOf = (jwt: string) =>
  Jwt.decodeUnverified(jwt).pipe(
    Effect.map(({ protectedHeader }) =>
      protectedHeader.kid === undefined ? undefined : JSON.stringify(protectedHeader.kid).slice(0, 80)
    ),
    Effect.orElseSucceed(() => undefined)
  )

/** The ticket of a verified JWT, after checking it was issued to this tenant's database. */
const ticketOf = (verified: Verified, contextIdentifier: string) => {
  const serial = claim(verified, "serial")
  const aud = verified.registeredClaims.aud
  const audiences = typeof aud === "string" ? [aud] : aud ?? []
  if (serial === undefined || !audiences.includes(`spn:${serial}`)) {
    return Effect.fail(refused("InvalidToken", "the JWT's audience is not spn: and its serial claim"))
  }
  const ctx = claim(verified, "ctx")
  if (ctx === undefined || ctx.toLowerCase() !== contextIdentifier.toLowerCase()) {
    return Effect.fail(
      refused("InvalidToken", `the JWT is for ${ctx === undefined ? "no tenant" : ctx}, not ${contextIdentifier}`)
    )
  }
  const ticket = claim(verified, "ticket")
  return ticket === undefined
    ? Effect.fail(refused("NoTicket", `the JWT holds no ${CLAIMS}ticket claim`))
    : Effect.succeed(Redacted.make(ticket))
}

/** One exchange: a new ticket for the tenant, within the settings' deadline. */
export const exchange = (
  client: HttpClient.HttpClient,
  settings: ExchangeSettings
): Effect.Effect<Redacted.Redacted<string>, ErpSyncError> =>
  Effect.gen(function*() {
    // Signed right before it is sent: the timestamp is part of what SuperID checks.
    const now = yield* Clock.currentTimeMillis
    const systemUserToken = Redacted.value(settings.systemUserToken)
    const applicationToken = Redacted.value(settings.applicationToken)
    const signed = signSystemToken(systemUserToken, settings.privateKey, new Date(now))
    const request = HttpClientRequest.post(authenticateUrl(settings.superIdUrl)).pipe(
      HttpClientRequest.acceptJson,
      HttpClientRequest.bodyJsonUnsafe({
        SignedSystemToken: signed,
        ApplicationToken: applicationToken,
        ContextIdentifier: settings.contextIdentifier,
        ReturnTokenType: "JWT"
      })
    )
    const answer = yield* exchangeJson(client, request, OPERATION)
    yield* Effect.annotateCurrentSpan({ "http.response.status_code": answer.status })
    const decoded = decodeAnswer(answer.json)
    if (decoded._tag === "None") {
      return yield* Effect.fail(unexpectedAnswer(OPERATION, answer, "SuperID's authentication answer", true))
    }
    const { ErrorMessage, IsSuccessful, Token } = decoded.value
    if (!IsSuccessful || answer.status >= 300) {
      const message = ErrorMessage == null || ErrorMessage === ""
        ? `SuperID refused the exchange (HTTP ${answer.status}) without a message`
        : scrub(ErrorMessage, [signed, systemUserToken, applicationToken])
      return yield* Effect.fail(refused("ExchangeRefused", message))
    }
    if (Token == null || Token === "") {
      return yield* Effect.fail(refused("InvalidToken", "SuperID answered IsSuccessful without a token"))
    }
    const verified = yield* verify(Token, settings.keys, settings.signature)
    const ticket = yield* ticketOf(verified, settings.contextIdentifier)
    yield* Effect.logDebug("SuperID: system user authenticated").pipe(
      Effect.annotateLogs({ contextIdentifier: settings.contextIdentifier })
    )
    return ticket
  }).pipe(
    Effect.timeoutOrElse({
      duration: settings.timeout,
      orElse: () =>
        Effect.fail(
          new TimeoutError({
            reason: "Deadline",
            operation: OPERATION,
            timeoutMillis: Duration.toMillis(settings.timeout),
            waitingFor: "Ticket"
          })
        )
    }),
    Effect.withSpan("SuperId.PartnerSystemUser.Authenticate", {
      kind: "client",
      attributes: { "server.address": hostOf(settings.superIdUrl), "superoffice.tenant": settings.contextIdentifier }
    }, { captureStackTrace: false })
  )
