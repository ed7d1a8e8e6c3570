/**
 * SoPrincipal's authentication messages: the vendor's examples decode to the values they show, and
 * `xs:dateTime` keeps its lexical form. (Their laws, xmllint validation and drift check run with every
 * other message's, in laws.test.ts, xsd-validation.test.ts and wsdl-drift.test.ts.)
 */
import { XmlCodec } from "@erpsync/codec"
import { SoPrincipal } from "@erpsync/schema"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { readReference } from "./support/reference.js"

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
  const decodeExample = (schema: Schema.Codec<unknown, unknown>, file: string) =>
    XmlCodec.decodeResult(schema)(readReference(`examples/${file}`))

  it("AuthenticateUsernamePassword request and response", () => {
    expect(
      decodeExample(
        SoPrincipal.AuthenticateUsernamePasswordRequest as never,
        "SoPrincipal.AuthenticateUsernamePassword.request.xml"
      )
    )
      .toStrictEqual(
        Result.succeed({ Header: { ApplicationToken: "1234567-1234-9876" }, Body: { UserName: "", Password: "" } })
      )
    expect(
      decodeExample(SoPrincipal.AuthenticateResponse as never, "SoPrincipal.AuthenticateUsernamePassword.response.xml")
    )
      .toStrictEqual(Result.succeed(exampleResponse("2023-02-15T13:14:11Z")))
  })

  it("AuthenticateWithAccessToken request and response", () => {
    expect(
      decodeExample(
        SoPrincipal.AuthenticateWithAccessTokenRequest as never,
        "SoPrincipal.AuthenticateWithAccessToken.request.xml"
      )
    )
      .toStrictEqual(Result.succeed({ Header: { ApplicationToken: "1234567-1234-9876" }, Body: { AccessToken: "" } }))
    expect(
      decodeExample(SoPrincipal.AuthenticateResponse as never, "SoPrincipal.AuthenticateWithAccessToken.response.xml")
    )
      .toStrictEqual(Result.succeed(exampleResponse("2023-03-31T13:24:21Z")))
  })
})

describe("xs:dateTime", () => {
  it("keeps the lexical form, refuses anything else", () => {
    const doc = (expiry: string) =>
      readReference("examples/SoPrincipal.AuthenticateUsernamePassword.response.xml").replace(
        "2023-02-15T13:14:11Z",
        expiry
      )
    const decode = XmlCodec.decodeResult(SoPrincipal.AuthenticateResponse)
    const expiry = (text: string) =>
      decode(doc(text)).pipe(Result.map((m) => m.Body.Response?.Licenses?.[0]?.ExpiryDate))
    expect(expiry(" 2023-02-15T13:14:11.1234567+01:00 ")).toStrictEqual(
      Result.succeed("2023-02-15T13:14:11.1234567+01:00")
    )
    expect(expiry("2023-02-15T13:14:11")).toStrictEqual(Result.succeed("2023-02-15T13:14:11"))
    for (const bad of ["2023-02-15", "2023-13-01T00:00:00Z", "yesterday", "", "2023-02-15T25:00:00Z"]) {
      expect(Result.isFailure(expiry(bad)), bad).toBe(true)
    }
  })
})
