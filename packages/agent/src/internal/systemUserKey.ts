/**
 * The system user's side of SuperOffice Online's system-user flow: the application's RSA private key, read
 * from PEM (PKCS#1 or PKCS#8) or from .NET's `<RSAKeyValue>` XML as the developer portal gives it, and the
 * signed system token, `<system user token>.<UTC yyyyMMddHHmm>.<base64 RSA-SHA256 signature>`.
 */
import * as crypto from "node:crypto"

/** The `<RSAKeyValue>` elements of a private key and the JWK members they are. */
const XML_MEMBERS = [
  ["Modulus", "n"],
  ["Exponent", "e"],
  ["D", "d"],
  ["P", "p"],
  ["Q", "q"],
  ["DP", "dp"],
  ["DQ", "dq"],
  ["InverseQ", "qi"]
] as const

const base64Url = (base64: string): string =>
  base64.replace(/\s+/g, "").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")

/** Reads .NET's `<RSAKeyValue>` (each member a base64 big-endian integer) as a JWK; throws if a member is missing. */
const jwkOfXml = (xml: string): crypto.JsonWebKey => {
  const jwk: Record<string, string> = { kty: "RSA" }
  for (const [element, member] of XML_MEMBERS) {
    const match = new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml)
    if (match === null) throw new TypeError(`the <RSAKeyValue> key has no <${element}>: it is not a private key`)
    jwk[member] = base64Url(match[1]!)
  }
  return jwk
}

/**
 * The private key in `text`: PEM (`BEGIN RSA PRIVATE KEY` or `BEGIN PRIVATE KEY`) or `<RSAKeyValue>` XML.
 * Throws a `TypeError` that holds nothing of the key when it is neither, or not an RSA private key.
 */
export const readPrivateKey = (text: string): crypto.KeyObject => {
  const trimmed = text.trim()
  let key: crypto.KeyObject
  try {
    key = trimmed.startsWith("<")
      ? crypto.createPrivateKey({ key: jwkOfXml(trimmed), format: "jwk" })
      : crypto.createPrivateKey({ key: trimmed, format: "pem" })
  } catch (e) {
    if (e instanceof TypeError && e.message.startsWith("the <RSAKeyValue>")) throw e
    throw new TypeError("the private key is neither a PEM private key nor an <RSAKeyValue> private key")
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new TypeError(`the private key is an ${key.asymmetricKeyType ?? "unknown"} key, not an RSA key`)
  }
  return key
}

const two = (n: number) => String(n).padStart(2, "0")

/** `yyyyMMddHHmm` of `time` in UTC, zero-padded, 24-hour: the timestamp the system token is signed with. */
export const timestampOf = (time: Date): string =>
  `${time.getUTCFullYear()}${two(time.getUTCMonth() + 1)}${two(time.getUTCDate())}` +
  `${two(time.getUTCHours())}${two(time.getUTCMinutes())}`

/** The signed system token: the token and the timestamp, then their RSA-SHA256 (PKCS#1 v1.5) signature in base64. */
export const signSystemToken = (systemUserToken: string, key: crypto.KeyObject, time: Date): string => {
  const text = `${systemUserToken}.${timestampOf(time)}`
  const signature = crypto.sign("sha256", Buffer.from(text, "utf8"), {
    key,
    padding: crypto.constants.RSA_PKCS1_PADDING
  })
  return `${text}.${signature.toString("base64")}`
}
