/**
 * The local server's SuperID: the parts of SuperOffice Online's login service a system user meets. The
 * discovery document and the key set it names, and `PartnerSystemUser/Authenticate`, which checks the
 * signed system token against the configured system user token, the application's public key and the
 * server's clock, and answers with an RS256 JWT (issuer `SuperOffice AS`, audience `spn:<serial>`) whose
 * ticket claim the ErpSync endpoint accepts. Its signing key can be rotated, and it can be told to sign
 * with a key it does not publish, as an impostor would.
 */
import * as jose from "jose"
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

interface SigningKey {
  readonly kid: string
  readonly privateKey: CryptoKey
  readonly jwk: jose.JWK
}

const makeSigningKey = async (): Promise<SigningKey> => {
  const pair = await jose.generateKeyPair("RS256", { extractable: true })
  const jwk = await jose.exportJWK(pair.publicKey)
  const kid = await jose.calculateJwkThumbprint(jwk)
  return { kid, privateKey: pair.privateKey, jwk: { ...jwk, kid, alg: "RS256", use: "sig" } }
}

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
    first: SigningKey
  ) {
    this.current = first
    this.publicKey = crypto.createPublicKey(settings.applicationPublicKey)
    if (this.publicKey.asymmetricKeyType !== "rsa") throw new TypeError("the application's public key is not RSA")
  }

  /** Throws a `TypeError` when the application's public key is not an RSA key in PEM. */
  static async make(settings: SystemUserSettings, sessions: Sessions): Promise<SuperId> {
    return new SuperId(settings, sessions, await makeSigningKey())
  }

  /** The tenant it issues tickets for. */
  get contextIdentifier(): string {
    return this.settings.contextIdentifier
  }

  /** A new signing key, published beside the one it replaces. */
  async rotate(): Promise<void> {
    const next = await makeSigningKey()
    this.previous = this.current
    this.current = next
  }

  /** Whether JWTs are signed with a key the key set does not hold. */
  async setSignWithUnpublished(on: boolean): Promise<void> {
    if (on && this.unpublished === undefined) this.unpublished = await makeSigningKey()
    this.signWithUnpublished = on
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
  async authenticate(body: string, now: number, origin: string): Promise<SuperIdAnswer> {
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

    const ticket = this.sessions.loginWithSystemUser(true, now)!
    const key = this.signWithUnpublished && this.unpublished !== undefined ? this.unpublished : this.current
    const seconds = Math.floor(now / 1000)
    const tenant = `${origin}/${this.settings.contextIdentifier}`
    const jwt = await new jose.SignJWT({
      [`${CLAIMS}ticket`]: ticket,
      [`${CLAIMS}ctx`]: this.settings.contextIdentifier,
      [`${CLAIMS}netserver_url`]: `${tenant}/Remote/Services86/`,
      [`${CLAIMS}webapi_url`]: `${tenant}/api/`,
      [`${CLAIMS}serial`]: SERIAL,
      [`${CLAIMS}system_token`]: token,
      [`${CLAIMS}associateid`]: "1"
    })
      .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
      .setIssuer(ISSUER)
      .setAudience(`spn:${SERIAL}`)
      .setIssuedAt(seconds)
      .setNotBefore(seconds)
      .setExpirationTime(seconds + JWT_LIFETIME_SECONDS)
      .sign(key.privateKey)
    return { status: 200, json: { IsSuccessful: true, Token: jwt, ErrorMessage: null } }
  }
}
