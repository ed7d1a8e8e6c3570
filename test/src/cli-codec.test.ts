/**
 * The command line's codec commands: `erpsync decode <Message>` and `erpsync encode <Message>`.
 */
import * as fs from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { erpsync } from "./support/cli.js"
import { exampleConnection as connection } from "./support/fixtures.js"
import { extractSchemas, readReference, validate } from "./support/reference.js"

const schemas = extractSchemas("ErpSync.wsdl")
afterAll(() => fs.rmSync(schemas.dir, { recursive: true, force: true }))

describe("erpsync decode / encode", () => {
  it("decode prints the vendor example's connection as JSON", async () => {
    const run = await erpsync(
      ["decode", "SaveConnectionResponse"],
      readReference("examples/SaveConnection.response.xml")
    )
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toStrictEqual({ Header: {}, Body: { Response: connection } })
  })

  it("decode reads SoPrincipal messages too: the vendor's AuthenticateResponse example", async () => {
    const run = await erpsync(
      ["decode", "AuthenticateResponse"],
      readReference("examples/SoPrincipal.AuthenticateUsernamePassword.response.xml")
    )
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    // Values as the example file writes them.
    expect(JSON.parse(run.stdout)).toMatchObject({
      Header: {},
      Body: {
        Response: {
          UserType: "Unknown",
          RoleType: "Employee",
          Licenses: [{ LicenseType: "Unknown", ExpiryDate: "2023-02-15T13:14:11Z" }],
          SecondaryGroups: [0]
        },
        Credentials: { Ticket: "" },
        AuthenticationSucceeded: false
      }
    })
  })

  it("encode prints an envelope that validates with xmllint, and decode reads it back", async () => {
    const message = {
      Header: { ApplicationToken: "app", Credentials: { Ticket: "7T:abc" } },
      Body: {
        Connection: {
          ...connection,
          DisplayName: "Visma & <Co>\r\n",
          ConfigFields: [{ Key: "url", Value: "https://erp.example/?a=1&b=2" }, { Key: "ø", Value: null }],
          UserGroupAccessIds: [1, -2147483648]
        }
      }
    }
    const encoded = await erpsync(["encode", "SaveConnectionRequest"], JSON.stringify(message))
    expect(encoded.stderr).toBe("")
    expect(encoded.code).toBe(0)
    expect(validate(schemas.soap11, [encoded.stdout])).toStrictEqual({ ok: true, output: "" })
    const decoded = await erpsync(["decode", "SaveConnectionRequest"], encoded.stdout)
    expect(JSON.parse(decoded.stdout)).toStrictEqual(message)
  })

  it("encode --soap-version 1.2 writes a SOAP 1.2 envelope", async () => {
    const run = await erpsync(
      ["encode", "--soap-version", "1.2", "GetConnectionRequest"],
      JSON.stringify({ Header: {}, Body: { ErpConnectionId: 4 } })
    )
    expect(run.stdout).toContain(`xmlns:s="http://www.w3.org/2003/05/soap-envelope"`)
  })

  it("encode takes a message as small as the WSDL allows: no header, body members left out at their defaults", async () => {
    const run = await erpsync(["encode", "SaveConnectionRequest"], JSON.stringify({ Body: {} }))
    expect([run.code, run.stderr]).toStrictEqual([0, ""])
    // SaveConnection's one member, Connection, is nillable: left out, it is nil, as an absent element reads.
    const decoded = await erpsync(["decode", "SaveConnectionRequest"], run.stdout)
    expect(JSON.parse(decoded.stdout)).toStrictEqual({ Header: {}, Body: { Connection: null } })
    const bare = await erpsync(["encode", "GetConnectionRequest"], "{}")
    expect(bare.stdout).toContain("<GetConnection><ErpConnectionId>0</ErpConnectionId></GetConnection>")
  })

  it("bad XML: exit 1 and one line with the tag, reason, path and line:column", async () => {
    const xml = readReference("examples/SaveConnection.response.xml").replace(
      `<ErpSync:ErpConnectorId xsi:type="xsd:int">0</ErpSync:ErpConnectorId>`,
      `<ErpSync:ErpConnectorId xsi:type="xsd:int">1e3</ErpSync:ErpConnectorId>`
    )
    const run = await erpsync(["decode", "SaveConnectionResponse"], xml)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe("")
    expect(run.stderr).toBe(
      `XmlDecodeError: 14:48: at /Envelope/Body/SaveConnectionResponse/Response/ErpConnectorId: InvalidValue: "1e3" is not a valid xs:int\n`
    )
  })

  it("JSON that does not match the schema: exit 1 and one line", async () => {
    const run = await erpsync(
      ["encode", "GetConnectionRequest"],
      JSON.stringify({ Header: {}, Body: { ErpConnectionId: "x" } })
    )
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split("\n")).toHaveLength(1)
    expect(run.stderr).toMatch(/^SchemaError: .*ErpConnectionId/)
  })

  it("input that is not JSON: exit 1 and one line", async () => {
    const run = await erpsync(["encode", "GetConnectionRequest"], "<xml/>")
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^InputError: Json: /)
    expect(run.stderr.trim().split("\n")).toHaveLength(1)
  })

  it("an unknown message name is refused", async () => {
    const run = await erpsync(["decode", "NoSuchMessage"], "")
    expect(run.code).toBe(1)
  })
})
