/**
 * The system user's signed token: the private key read from every form the developer portal and OpenSSL
 * give, and the signed text as SuperOffice's system-user flow prescribes it, checked with the public key.
 */
import * as crypto from "node:crypto"
import { describe, expect, it } from "vitest"
import { readPrivateKey, signSystemToken, timestampOf } from "../../packages/agent/src/internal/systemUserKey.js"

const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
const jwk = privateKey.export({ format: "jwk" })
const base64 = (member: string | undefined) => Buffer.from(member!, "base64url").toString("base64")
/** The key as .NET's RSA.ToXmlString(true) writes it, which the developer portal hands out. */
const xmlKey = `<RSAKeyValue><Modulus>${base64(jwk.n)}</Modulus><Exponent>${base64(jwk.e)}</Exponent>` +
  `<P>${base64(jwk.p)}</P><Q>${base64(jwk.q)}</Q><DP>${base64(jwk.dp)}</DP><DQ>${base64(jwk.dq)}</DQ>` +
  `<InverseQ>${base64(jwk.qi)}</InverseQ><D>${base64(jwk.d)}</D></RSAKeyValue>`

const forms = {
  "PKCS#1 PEM": privateKey.export({ format: "pem", type: "pkcs1" }).toString(),
  "PKCS#8 PEM": privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  "<RSAKeyValue> XML": xmlKey,
  "<RSAKeyValue> XML, indented with CRLF": xmlKey.replace(/></g, ">\r\n  <")
}

describe("the system user's private key", () => {
  for (const [form, text] of Object.entries(forms)) {
    it(`is read from ${form}`, () => {
      const key = readPrivateKey(text)
      expect(key.export({ format: "jwk" })).toStrictEqual(jwk)
    })
  }

  it("refuses what is not an RSA private key, naming nothing of it", () => {
    const ec = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
      format: "pem",
      type: "pkcs8"
    })
    const publicOnly = xmlKey.replace(/<P>.*<\/D>/, "")
    for (
      const text of [
        "not a key",
        publicKey.export({ format: "pem", type: "spki" }).toString(),
        ec.toString(),
        publicOnly
      ]
    ) {
      expect(() => readPrivateKey(text)).toThrow(TypeError)
    }
    expect(() => readPrivateKey("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("c2VjcmV0") })
    )
  })
})

describe("the signed system token", () => {
  it("timestamps in UTC as yyyyMMddHHmm, zero-padded and 24-hour", () => {
    expect(timestampOf(new Date(Date.UTC(2026, 0, 2, 3, 4, 59)))).toBe("202601020304")
    expect(timestampOf(new Date(Date.UTC(2026, 11, 31, 23, 59)))).toBe("202612312359")
    // The same instant written with an offset.
    expect(timestampOf(new Date("2026-07-01T01:30:00+02:00"))).toBe("202606302330")
  })

  it("is the token, the timestamp and the RSA-SHA256 signature of both, in standard base64", () => {
    const signed = signSystemToken(
      "MyApp-abc123",
      readPrivateKey(forms["<RSAKeyValue> XML"]),
      new Date(Date.UTC(2026, 11, 2, 9, 5))
    )
    const [token, timestamp, signature] = signed.split(".") as [string, string, string]
    expect(`${token}.${timestamp}`).toBe("MyApp-abc123.202612020905")
    expect(signature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/)
    const verified = crypto.verify(
      "sha256",
      Buffer.from("MyApp-abc123.202612020905"),
      { key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING },
      Buffer.from(signature, "base64")
    )
    expect(verified).toBe(true)
  })
})
