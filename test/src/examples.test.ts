/**
 * Conformance: the vendor's examples decode to the values they show. The expected values are written
 * from reading the XML files, with the WSDL's rules for what is absent (an absent `minOccurs="0"`
 * member is its default: `null` for the nillable `TableRight` and `FieldProperties`).
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync, SoPrincipal } from "@erpsync/schema"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { exampleConnection } from "./support/fixtures.js"
import { exampleFile, messageNames, messageSchema } from "./support/messages.js"
import { readReference, referenceDir } from "./support/reference.js"

const exampleRequestHeader = {
  ApplicationToken: "1234567-1234-9876",
  Credentials: { Ticket: "7T:1234abcxyzExample==" }
}

const decodeExample = <A, I>(schema: Parameters<typeof XmlCodec.decodeEither<A, I>>[0], file: string) =>
  XmlCodec.decodeEither(schema)(readReference(`examples/${file}`))

describe("vendor examples (SOAP 1.2 envelope, headers directly under Envelope, xsi:type everywhere)", () => {
  it("SaveConnection.request.xml", () => {
    expect(decodeExample(ErpSync.SaveConnectionRequest, "SaveConnection.request.xml")).toStrictEqual(
      Either.right({ Header: exampleRequestHeader, Body: { Connection: exampleConnection } })
    )
  })

  it("SaveConnection.response.xml", () => {
    expect(decodeExample(ErpSync.SaveConnectionResponse, "SaveConnection.response.xml")).toStrictEqual(
      Either.right({ Header: {}, Body: { Response: exampleConnection } })
    )
  })

  it("GetConnection.request.xml", () => {
    expect(decodeExample(ErpSync.GetConnectionRequest, "GetConnection.request.xml")).toStrictEqual(
      Either.right({ Header: exampleRequestHeader, Body: { ErpConnectionId: 0 } })
    )
  })

  it("GetConnection.response.xml", () => {
    expect(decodeExample(ErpSync.GetConnectionResponse, "GetConnection.response.xml")).toStrictEqual(
      Either.right({ Header: {}, Body: { Response: exampleConnection } })
    )
  })

  it("DeleteConnection.request.xml", () => {
    expect(decodeExample(ErpSync.DeleteConnectionRequest, "DeleteConnection.request.xml")).toStrictEqual(
      Either.right({ Header: exampleRequestHeader, Body: { ErpConnectionId: 0 } })
    )
  })

  it("DeleteConnection.response.xml", () => {
    expect(decodeExample(ErpSync.DeleteConnectionResponse, "DeleteConnection.response.xml")).toStrictEqual(
      Either.right({ Header: {}, Body: {} })
    )
  })

  it("a response example does not decode as the other operation's response", () => {
    const result = decodeExample(ErpSync.SaveConnectionResponse, "GetConnection.response.xml")
    expect(Either.isLeft(result) && result.left._tag).toBe("XmlDecodeError")
  })
})

/** Example files the library has no messages for yet, each with why. */
const SKIPPED: Record<string, string> = {
  "TestConnectionById.request.xml": "TestConnectionById is not declared yet (only the connection operations are)",
  "TestConnectionById.response.xml": "TestConnectionById is not declared yet (only the connection operations are)",
  "ToggleErpConnectionActive.request.xml": "ToggleErpConnectionActive is not declared yet",
  "ToggleErpConnectionActive.response.xml": "ToggleErpConnectionActive is not declared yet",
  "SoPrincipal.GetSystemInfo.request.xml": "SoPrincipal's GetSystemInfo is not declared yet",
  "SoPrincipal.GetSystemInfo.response.xml": "SoPrincipal's GetSystemInfo is not declared yet"
}

describe("every vendor example", () => {
  it("decodes with its message's schema, or is in the skip list with a reason", () => {
    const files = fs.readdirSync(path.join(referenceDir, "examples")).filter((f) => f.endsWith(".xml")).sort()
    const withSchemas = new Map<string, Schema.Schema<unknown, unknown>>([
      ...messageNames.map((name) => [exampleFile(name), messageSchema(name)] as const),
      [
        "SoPrincipal.AuthenticateUsernamePassword.request.xml",
        SoPrincipal.AuthenticateUsernamePasswordRequest as never
      ],
      ["SoPrincipal.AuthenticateUsernamePassword.response.xml", SoPrincipal.AuthenticateResponse as never],
      ["SoPrincipal.AuthenticateWithAccessToken.request.xml", SoPrincipal.AuthenticateWithAccessTokenRequest as never],
      ["SoPrincipal.AuthenticateWithAccessToken.response.xml", SoPrincipal.AuthenticateResponse as never]
    ])
    const decoded = [...withSchemas.keys()]
    for (const file of files) {
      const schema = withSchemas.get(file)
      if (schema !== undefined) {
        expect(Either.isRight(XmlCodec.decodeEither(schema)(readReference(`examples/${file}`))), file).toBe(true)
      } else {
        expect(SKIPPED[file], file).toMatch(/\w/)
      }
    }
    // The skip list names only files that exist and are not decoded.
    for (const file of Object.keys(SKIPPED)) {
      expect(files).toContain(file)
      expect(decoded).not.toContain(file)
    }
  })
})
