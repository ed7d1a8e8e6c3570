/**
 * The local server's SuperID: the parts of SuperOffice Online's login service a system user meets. The
 * discovery document and the key set it names, and `PartnerSystemUser/Authenticate`, which checks the
 * signed system token against the configured system user token, the application's public key and the
 * server's clock, and answers with an RS256 JWT (issuer `SuperOffice AS`, audience `spn:<serial>`) whose
 * ticket claim the ErpSync endpoint accepts. Its signing key can be rotated, and it can be told to sign
 * with a key it does not publish, as an impostor would.
 */
import type * as Context from "effect/Context"
import * as Digest from "effect/crypto/Digest"
import * as SecureRandom from "effect/crypto/SecureRandom"
import * as Signature from "effect/crypto/Signature"
import * as Effect from "effect/Effect"
import * as Jwk from "effect/jose/Jwk"
import * as Jwt from "effect/jose/Jwt"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as crypto from "node:crypto"
import type { Sessions } from "./sessions.js"

/** How the server knows the system user. */
export interface SystemUserSettings {
  readonly systemUserToken: string
  /** The application's public key (PEM: SPKI, PKCS#1, or a private key whose public half is used). */
  readonly applicationPublicKey: string
  /** The client secret accepted; any when undefined. */
  readonly applicationToken: string | undefined
  /** The tenant, e.g. `Cust12345`. */
  readonly contextIdentifier: string
  /** How far the signed timestamp may be from the server's clock, in milliseconds. */
  readonly timestampToleranceMillis: number
}

/** The paths SuperID answers at, lower-cased. */
export const superIdPaths = {
  discovery: "/login/.well-known/openid-configuration",
  keySet: "/login/.well-known/jwks",
  authenticate: "/login/api/partnersystemuser/authenticate"
} as const

const CLAIMS = "http://schemes.superoffice.net/identity/"
const ISSUER = "SuperOffice AS"
/** The tenant database's serial, the JWT's audience. */
const SERIAL = "1029384756"
/** How long an issued JWT is valid: it is meant to be verified at once. */
const JWT_LIFETIME_SECONDS = 5 * 60

/** The claims of an issued JWT: its times are numbers, every other claim a string. */
const Claims = Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Finite]))

/** What keys are generated, and JWTs signed, with: Web Crypto. */
type Crypto = Signature.Signature | Digest.Digest

const makeCrypto: Effect.Effect<Context.Context<Crypto>> = Effect.provide(
  Effect.context<Crypto>(),
  Layer.mergeAll(Signature.layerWebCrypto, Digest.layerWebCrypto).pipe(Layer.provide(SecureRandom.layerWebCrypto))
)

interface SigningKey {
  readonly kid: string
  readonly privateKey: Jwk.PrivateKey
  /** The public key as published: RS256, `use: "sig"`, its thumbprint as its key id. */
  readonly jwk: Jwk.PublicJwk
}

const makeSigningKey: Effect.Effect<SigningKey, never, Crypto> = Effect.gen(function*() {
  const pair = yield* Jwk.generateKeyPair({ algorithm: "RS256" })
  const kid = yield* Jwk.thumbprint(pair.publicKey)
  const privateKey = yield* Jwk.importPrivate(pair.privateKey, "RS256")
  return { kid, privateKey, jwk: { ...pair.publicKey, kid } }
}).pipe(Effect.orDie)

/** An answer: its status and JSON. */
export interface SuperIdAnswer {
  readonly status: number
  readonly json: unknown
}

const refusal = (status: number, message: string): SuperIdAnswer => ({
  status,
  json: { IsSuccessful: false, Token: null, ErrorMessage: message }
})

/** `yyyyMMddHHmm` in UTC as epoch milliseconds, or undefined when it is not exactly that. */
const parseTimestamp = (text: string): number | undefined => {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text)
  if (match === null) return undefined
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
  const time = Date.UTC(year, month - 1, day, hour, minute)
  const date = new Date(time)
  // Rejects 13 as a month or 24 as an hour rather than rolling over.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour &&
      date.getUTCMinutes() === minute
    ? time
    : undefined
}

export class SuperId {
  private current: SigningKey
  private previous: SigningKey | undefined = undefined
  private unpublished: SigningKey | undefined = undefined
  private signWithUnpublished = false
  private readonly publicKey: crypto.KeyObject

  private constructor(
    private readonly settings: SystemUserSettings,
    private readonly sessions: Sessions,
    private readonly services: Context.Context<Crypto>,
    first: SigningKey
  ) {
    this.current = first
    this.publicKey = crypto.createPublicKey(settings.applicationPublicKey)
    if (this.publicKey.asymmetricKeyType !== "rsa") throw new TypeError("the application's public key is not RSA")
  }

  /** Dies with a `TypeError` when the application's public key is not an RSA key in PEM. */
  static make(settings: SystemUserSettings, sessions: Sessions): Effect.Effect<SuperId> {
    return Effect.gen(function*() {
      const services = yield* makeCrypto
      const first = yield* Effect.provideContext(makeSigningKey, services)
      return new SuperId(settings, sessions, services, first)
    })
  }

  /** The tenant it issues tickets for. */
  get contextIdentifier(): string {
    return this.settings.contextIdentifier
  }

  /** A new signing key, published beside the one it replaces. */
  rotate(): Effect.Effect<void> {
    return Effect.map(Effect.provideContext(makeSigningKey, this.services), (next) => {
      this.previous = this.current
      this.current = next
    })
  }

  /** Whether JWTs are signed with a key the key set does not hold. */
  setSignWithUnpublished(on: boolean): Effect.Effect<void> {
    return Effect.suspend(() => {
      if (!on || this.unpublished !== undefined) return Effect.sync(() => (this.signWithUnpublished = on))
      return Effect.map(Effect.provideContext(makeSigningKey, this.services), (unpublished) => {
        this.unpublished = unpublished
        this.signWithUnpublished = on
      })
    })
  }

  discovery(origin: string): SuperIdAnswer {
    return {
      status: 200,
      json: {
        issuer: origin,
        jwks_uri: `${origin}/login/.well-known/jwks`,
        id_token_signing_alg_values_supported: ["RS256"]
      }
    }
  }

  keySet(): SuperIdAnswer {
    this.sessions.keySetFetched()
    const keys = this.previous === undefined ? [this.current.jwk] : [this.current.jwk, this.previous.jwk]
    return { status: 200, json: { keys } }
  }

  /** `PartnerSystemUser/Authenticate` with the request body `body`, at `now`, on the server at `origin`. */
  authenticate(body: string, now: number, origin: string): Effect.Effect<SuperIdAnswer> {
    return Effect.suspend(() => {
      const admitted = this.admit(body, now)
      return typeof admitted === "string" ? this.issue(admitted, now, origin) : Effect.succeed(admitted)
    })
  }

  /** The system user token of a request that passes every check, or the refusal. */
  private admit(body: string, now: number): string | SuperIdAnswer {
    let request: unknown
    try {
      request = JSON.parse(body)
    } catch {
      return refusal(400, "The request body is not JSON.")
    }
    const field = (name: string) => {
      const value = typeof request === "object" && request !== null ? (request as Record<string, unknown>)[name] : null
      return typeof value === "string" ? value : undefined
    }
    const refuse = (message: string) => {
      this.sessions.loginWithSystemUser(false, now)
      return refusal(200, message)
    }
    const signed = field("SignedSystemToken")
    const context = field("ContextIdentifier")
    const applicationToken = field("ApplicationToken")
    if (signed === undefined || context === undefined || applicationToken === undefined) {
      return refusal(400, "SignedSystemToken, ApplicationToken and ContextIdentifier are required.")
    }
    if ((field("ReturnTokenType") ?? "").toLowerCase() !== "jwt") return refuse("Only the JWT token type is issued.")
    if (context.toLowerCase() !== this.settings.contextIdentifier.toLowerCase()) {
      return refuse(`Unknown context identifier ${JSON.stringify(context)}.`)
    }
    if (this.settings.applicationToken !== undefined && applicationToken !== this.settings.applicationToken) {
      return refuse("Invalid application token.")
    }
    // `<system user token>.<yyyyMMddHHmm>.<signature>`: the token may hold dots, the other two do not.
    const last = signed.lastIndexOf(".")
    const middle = signed.lastIndexOf(".", last - 1)
    if (last < 0 || middle < 0) return refuse("The signed system token is not token.timestamp.signature.")
    const text = signed.slice(0, last)
    const token = signed.slice(0, middle)
    const timestamp = parseTimestamp(signed.slice(middle + 1, last))
    if (token !== this.settings.systemUserToken) return refuse("Unknown system user token.")
    if (timestamp === undefined) return refuse("InvalidTimestamp: the timestamp is not yyyyMMddHHmm.")
    const minute = now - (now % 60_000)
    if (Math.abs(timestamp - minute) > this.settings.timestampToleranceMillis) {
      return refuse("InvalidTimestamp: the signed timestamp is too far from the current time.")
    }
    const signature = Buffer.from(signed.slice(last + 1), "base64")
    const valid = crypto.verify("sha256", Buffer.from(text, "utf8"), {
      key: this.publicKey,
      padding: crypto.constants.RSA_PKCS1_PADDING
    }, signature)
    if (!valid) return refuse("InvalidSignature: the signature does not match the application's public key.")
    return token
  }

  /** The JWT for a system user token that passed: a new ticket in SuperOffice's claims. */
  private issue(token: string, now: number, origin: string): Effect.Effect<SuperIdAnswer> {
    const ticket = this.sessions.loginWithSystemUser(true, now)!
    const key = this.signWithUnpublished && this.unpublished !== undefined ? this.unpublished : this.current
    const seconds = Math.floor(now / 1000)
    const tenant = `${origin}/${this.settings.contextIdentifier}`
    const claims = {
      [`${CLAIMS}ticket`]: ticket,
      [`${CLAIMS}ctx`]: this.settings.contextIdentifier,
      [`${CLAIMS}netserver_url`]: `${tenant}/Remote/Services86/`,
      [`${CLAIMS}webapi_url`]: `${tenant}/api/`,
      [`${CLAIMS}serial`]: SERIAL,
      [`${CLAIMS}system_token`]: token,
      [`${CLAIMS}associateid`]: "1",
      iss: ISSUER,
      aud: `spn:${SERIAL}`,
      iat: seconds,
      nbf: seconds,
      exp: seconds + JWT_LIFETIME_SECONDS
    }
    return Jwt.sign(Claims, claims, key.privateKey, { kid: key.kid, typ: "JWT" }).pipe(
      Effect.provideContext(this.services),
      Effect.orDie,
      Effect.map((jwt) => ({
        status: 200,
        json: { IsSuccessful: true, Token: Redacted.value(jwt), ErrorMessage: null }
      }))
    )
  }
}
