/**
 * SoPrincipal's authentication messages, declared like ErpSync's with no new codec code: the vendor's
 * examples decode to the values they show, the codec's laws hold, encoded messages validate with xmllint
 * against SoPrincipal.wsdl's schemas, and the declarations match the WSDL's types.
 */
import { XmlCodec } from "@erpsync/codec"
import { SoPrincipal } from "@erpsync/schema"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type * as Schema from "effect/Schema"
import * as fs from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { extractSchemas, readReference, validate } from "./support/reference.js"
import { compareWithWsdl, readWsdl } from "./support/wsdl.js"

const schemas = extractSchemas("SoPrincipal.wsdl")
afterAll(() => fs.rmSync(schemas.dir, { recursive: true, force: true }))
const wsdl = readWsdl("SoPrincipal.wsdl")

const messages = Object.entries(SoPrincipal.Messages) as Array<[string, Schema.Schema<unknown, unknown>]>

/** The response both examples show (read from the XML), with its licence's expiry date. */
const exampleResponse = (expiry: string) => ({
  Header: {},
  Body: {
    Response: {
      UserType: "Unknown",
      Associate: "",
      AssociateId: 0,
      IsPerson: false,
      PersonId: 0,
      CountryId: 0,
      HomeCountryId: 0,
      ContactId: 0,
      GroupId: 0,
      BusinessId: 0,
      CategoryId: 0,
      ContactOwner: 0,
      RoleId: 0,
      RoleName: "",
      RoleDescription: "",
      RoleType: "Employee",
      Licenses: [{
        TableRight: null,
        FieldProperties: null,
        OwnerId: 0,
        OwnerName: "",
        OwnerDescription: "",
        ModuleId: 0,
        Name: "",
        Description: "",
        Version: "",
        LicenseType: "Unknown",
        ExtraFlags: 0,
        SortOrder: 0,
        LicenseNumber: 0,
        IsHidden: false,
        IsUnrestricted: false,
        ExpiryDate: expiry
      }],
      FullName: "",
      EMailAddress: "",
      FunctionRights: [""],
      EjUserId: 0,
      EjAccessLevel: 0,
      EjUserStatus: "StatusNone",
      ProvidedCredentials: [{ Type: "", SearchName: "", DisplayName: "", CredentialId: 0 }],
      SecondaryGroups: [0],
      DatabaseContextIdentifier: ""
    },
    Credentials: { Ticket: "" },
    AuthenticationSucceeded: false
  }
})

describe("SoPrincipal vendor examples", () => {
  const decodeExample = (schema: Schema.Schema<unknown, unknown>, file: string) =>
    XmlCodec.decodeEither(schema)(readReference(`examples/${file}`))

  it("AuthenticateUsernamePassword request and response", () => {
    expect(
      decodeExample(
        SoPrincipal.AuthenticateUsernamePasswordRequest as never,
        "SoPrincipal.AuthenticateUsernamePassword.request.xml"
      )
    )
      .toStrictEqual(
        Either.right({ Header: { ApplicationToken: "1234567-1234-9876" }, Body: { UserName: "", Password: "" } })
      )
    expect(
      decodeExample(SoPrincipal.AuthenticateResponse as never, "SoPrincipal.AuthenticateUsernamePassword.response.xml")
    )
      .toStrictEqual(Either.right(exampleResponse("2023-02-15T13:14:11Z")))
  })

  it("AuthenticateWithAccessToken request and response", () => {
    expect(
      decodeExample(
        SoPrincipal.AuthenticateWithAccessTokenRequest as never,
        "SoPrincipal.AuthenticateWithAccessToken.request.xml"
      )
    )
      .toStrictEqual(Either.right({ Header: { ApplicationToken: "1234567-1234-9876" }, Body: { AccessToken: "" } }))
    expect(
      decodeExample(SoPrincipal.AuthenticateResponse as never, "SoPrincipal.AuthenticateWithAccessToken.response.xml")
    )
      .toStrictEqual(Either.right(exampleResponse("2023-03-31T13:24:21Z")))
  })
})

describe.each(messages)("%s", (_, schema) => {
  const values = Arbitrary.make(schema)

  it("decode ∘ encode = identity", () => {
    fc.assert(
      fc.property(values, (value) => {
        const xml = Either.getOrThrow(XmlCodec.encodeEither(schema)(value))
        expect(XmlCodec.decodeEither(schema)(xml)).toStrictEqual(Either.right(value))
      }),
      { numRuns: 1000 }
    )
  })

  it("encoded messages validate with xmllint against SoPrincipal.wsdl's schemas", () => {
    const documents = fc.sample(values, { numRuns: 100, seed: 20261128 }).map((value) =>
      Either.getOrThrow(XmlCodec.encodeEither(schema)(value))
    )
    expect(validate(schemas.soap11, documents)).toStrictEqual({ ok: true, output: "" })
  })

  it("matches the WSDL's types", () => {
    expect(compareWithWsdl(XmlCodec.describe(schema), wsdl).differences).toStrictEqual([])
  })
})

describe("xs:dateTime", () => {
  it("keeps the lexical form, refuses anything else", () => {
    const doc = (expiry: string) =>
      readReference("examples/SoPrincipal.AuthenticateUsernamePassword.response.xml").replace(
        "2023-02-15T13:14:11Z",
        expiry
      )
    const decode = XmlCodec.decodeEither(SoPrincipal.AuthenticateResponse)
    const expiry = (text: string) =>
      decode(doc(text)).pipe(Either.map((m) => m.Body.Response?.Licenses?.[0]?.ExpiryDate))
    expect(expiry(" 2023-02-15T13:14:11.1234567+01:00 ")).toStrictEqual(
      Either.right("2023-02-15T13:14:11.1234567+01:00")
    )
    expect(expiry("2023-02-15T13:14:11")).toStrictEqual(Either.right("2023-02-15T13:14:11"))
    for (const bad of ["2023-02-15", "2023-13-01T00:00:00Z", "yesterday", "", "2023-02-15T25:00:00Z"]) {
      expect(Either.isLeft(expiry(bad)), bad).toBe(true)
    }
  })
})
