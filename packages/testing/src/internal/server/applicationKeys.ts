/**
 * A new application key pair, as the developer portal hands one out: the private key as PEM (PKCS#8 and
 * PKCS#1) and as .NET's `<RSAKeyValue>` XML, and the public key as PEM, for a system user's tests.
 */
import * as crypto from "node:crypto"

/** A key pair, every form a system user may be given its private key in. */
export interface ApplicationKeys {
  /** `BEGIN PRIVATE KEY`. */
  readonly privateKeyPem: string
  /** `BEGIN RSA PRIVATE KEY`. */
  readonly privateKeyPkcs1Pem: string
  /** `<RSAKeyValue>` with the private members, as the developer portal gives it. */
  readonly privateKeyXml: string
  /** `BEGIN PUBLIC KEY`: what `ErpSyncServer.make`'s `systemUser.applicationPublicKey` takes. */
  readonly publicKeyPem: string
}

const XML_MEMBERS = [
  ["Modulus", "n"],
  ["Exponent", "e"],
  ["P", "p"],
  ["Q", "q"],
  ["DP", "dp"],
  ["DQ", "dq"],
  ["InverseQ", "qi"],
  ["D", "d"]
] as const

const base64 = (base64Url: string): string => Buffer.from(base64Url, "base64url").toString("base64")

/** A new 2048-bit RSA key pair. */
export const makeApplicationKeys = (): ApplicationKeys => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
  const jwk = privateKey.export({ format: "jwk" }) as Record<string, string>
  const members = XML_MEMBERS.map(([element, member]) => `<${element}>${base64(jwk[member]!)}</${element}>`)
  return {
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    privateKeyPkcs1Pem: privateKey.export({ format: "pem", type: "pkcs1" }).toString(),
    privateKeyXml: `<RSAKeyValue>${members.join("")}</RSAKeyValue>`,
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString()
  }
}
