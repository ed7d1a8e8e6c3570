/**
 * Conformance: the vendor's examples decode to the values they show. The expected values are written
 * from reading the XML files, with the WSDL's rules for what is absent (an absent `minOccurs="0"`
 * member is its default: `null` for the nillable `TableRight` and `FieldProperties`).
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync, SoPrincipal } from "@erpsync/schema"
import * as Result from "effect/Result"
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { exampleConnection } from "./support/fixtures.js"
import { examples } from "./support/messages.js"
import { readReference, referenceDir } from "./support/reference.js"

const exampleRequestHeader = {
  ApplicationToken: "1234567-1234-9876",
  Credentials: { Ticket: "7T:1234abcxyzExample==" }
}

const decodeExample = <A, I>(schema: Parameters<typeof XmlCodec.decodeResult<A, I>>[0], file: string) =>
  XmlCodec.decodeResult(schema)(readReference(`examples/${file}`))

describe("vendor examples (SOAP 1.2 envelope, headers directly under Envelope, xsi:type everywhere)", () => {
  it("SaveConnection.request.xml", () => {
    expect(decodeExample(ErpSync.SaveConnectionRequest, "SaveConnection.request.xml")).toStrictEqual(
      Result.succeed({ Header: exampleRequestHeader, Body: { Connection: exampleConnection } })
    )
  })

  it("SaveConnection.response.xml", () => {
    expect(decodeExample(ErpSync.SaveConnectionResponse, "SaveConnection.response.xml")).toStrictEqual(
      Result.succeed({ Header: {}, Body: { Response: exampleConnection } })
    )
  })

  it("GetConnection.request.xml", () => {
    expect(decodeExample(ErpSync.GetConnectionRequest, "GetConnection.request.xml")).toStrictEqual(
      Result.succeed({ Header: exampleRequestHeader, Body: { ErpConnectionId: 0 } })
    )
  })

  it("GetConnection.response.xml", () => {
    expect(decodeExample(ErpSync.GetConnectionResponse, "GetConnection.response.xml")).toStrictEqual(
      Result.succeed({ Header: {}, Body: { Response: exampleConnection } })
    )
  })

  it("DeleteConnection.request.xml", () => {
    expect(decodeExample(ErpSync.DeleteConnectionRequest, "DeleteConnection.request.xml")).toStrictEqual(
      Result.succeed({ Header: exampleRequestHeader, Body: { ErpConnectionId: 0 } })
    )
  })

  it("DeleteConnection.response.xml", () => {
    expect(decodeExample(ErpSync.DeleteConnectionResponse, "DeleteConnection.response.xml")).toStrictEqual(
      Result.succeed({ Header: {}, Body: {} })
    )
  })

  it("TestConnectionById.request.xml and .response.xml", () => {
    expect(decodeExample(ErpSync.TestConnectionByIdRequest, "TestConnectionById.request.xml")).toStrictEqual(
      Result.succeed({ Header: exampleRequestHeader, Body: { ErpConnectionId: 0 } })
    )
    expect(decodeExample(ErpSync.TestConnectionByIdResponse, "TestConnectionById.response.xml")).toStrictEqual(
      Result.succeed({ Header: {}, Body: { Response: false } })
    )
  })

  it("ToggleErpConnectionActive.request.xml and .response.xml (one empty {Arrays}string)", () => {
    expect(decodeExample(ErpSync.ToggleErpConnectionActiveRequest, "ToggleErpConnectionActive.request.xml"))
      .toStrictEqual(Result.succeed({ Header: exampleRequestHeader, Body: { ErpConnectionId: 0 } }))
    expect(decodeExample(ErpSync.ToggleErpConnectionActiveResponse, "ToggleErpConnectionActive.response.xml"))
      .toStrictEqual(Result.succeed({ Header: {}, Body: { Response: [""] } }))
  })

  it("a response example does not decode as the other operation's response", () => {
    const result = decodeExample(ErpSync.SaveConnectionResponse, "GetConnection.response.xml")
    expect(Result.isFailure(result) && result.failure._tag).toBe("XmlDecodeError")
  })
})

describe("SoPrincipal.GetSystemInfo examples", () => {
  it("the request and the response, with a licence, a module licence and a DSA key of empty base64 values", () => {
    expect(decodeExample(SoPrincipal.GetSystemInfoRequest, "SoPrincipal.GetSystemInfo.request.xml")).toStrictEqual(
      Result.succeed({ Header: { ApplicationToken: "1234567-1234-9876" }, Body: {} })
    )
    const date = "2023-03-31T13:24:21Z"
    const empty = new Uint8Array(0)
    expect(decodeExample(SoPrincipal.GetSystemInfoResponse, "SoPrincipal.GetSystemInfo.response.xml")).toStrictEqual(
      Result.succeed({
        Header: {},
        Body: {
          SystemInfo: {
            TableRight: null,
            FieldProperties: null,
            License: {
              CompanyName: "",
              SerialNr: "",
              OwnerName: "",
              OwnerDescription: "",
              NextCheckDate: date,
              MaintenanceDate: date,
              AdminWarningDate: date,
              ExpiryDate: date,
              GraceDate: date,
              ExtraFlags: 0,
              LicenseUrl: "",
              LicenseVersion: "",
              DeploymentType: 0,
              ProductType: "",
              ProductDescription: "",
              ModuleLicenses: [{
                OwnerName: "",
                ModuleName: "",
                ModuleDescription: "",
                ModuleTooltip: "",
                ModuleVersion: "",
                LicenseType: "Unknown",
                Unrestricted: false,
                AllowedUserType: "Unknown",
                NumberOfLicenses: 0,
                ExtraFlags: 0,
                ExtraInfo: "",
                SortOrder: 0,
                IsHidden: false,
                PrerequisiteModuleName: "",
                Signature: ""
              }],
              PublicKey: {
                OwnerName: "",
                SignDate: date,
                ExpiryDate: date,
                Key: { Counter: 0, G: empty, J: empty, P: empty, Q: empty, Seed: empty, Y: empty },
                Signature: ""
              },
              Signature: ""
            },
            WarningEnglish: "",
            WarningResource: "",
            BranchName: "",
            BuildLabel: "",
            AssemblyVersion: "",
            AccumulatedNextCheckDate: date,
            FileVersion: "",
            Description: "",
            DaysUntilNetServerExpiry: 0,
            BuildType: "Feature",
            DatabaseVersion: 0,
            IsUnicode: false,
            CompanyName: "",
            CompanyId: 0,
            DatabaseType: "",
            DatabaseMinor: "",
            DatabaseName: "",
            IsOnTravel: false,
            IsSatellite: false
          }
        }
      })
    )
  })
})

/** Example files the library cannot decode, each with why (none, now that every operation is declared). */
const SKIPPED: Record<string, string> = {}

describe("every vendor example", () => {
  it("decodes with its message's schema, or is in the skip list with a reason", () => {
    const files = fs.readdirSync(path.join(referenceDir, "examples")).filter((f) => f.endsWith(".xml")).sort()
    const withSchemas = new Map(examples.map((example) => [example.file, example.message.schema]))
    for (const file of files) {
      const schema = withSchemas.get(file)
      if (schema !== undefined) {
        expect(Result.isSuccess(XmlCodec.decodeResult(schema)(readReference(`examples/${file}`))), file).toBe(true)
      } else {
        expect(SKIPPED[file], file).toMatch(/\w/)
      }
    }
    expect(withSchemas.size).toBe(16)
    // The skip list names only files that exist and are not decoded.
    for (const file of Object.keys(SKIPPED)) {
      expect(files).toContain(file)
      expect(withSchemas.has(file)).toBe(false)
    }
  })
})
