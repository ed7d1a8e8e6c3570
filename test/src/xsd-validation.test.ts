/**
 * Conformance: encoded messages validate with xmllint against the XML Schemas embedded in their WSDL
 * (SOAP 1.1 envelope, header blocks and body checked strictly): arbitrary values of every message of every
 * service, and the vendor examples decoded and encoded again.
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Duration from "effect/Duration"
import * as Result from "effect/Result"
import * as fs from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { examples, messages } from "./support/messages.js"
import { extractSchemas, readReference, type SchemaSet, validate } from "./support/reference.js"

const schemaSets = new Map<string, SchemaSet>(
  [...new Set(messages.map((m) => m.wsdl))].map((wsdl) => [wsdl, extractSchemas(wsdl)])
)
afterAll(() => {
  for (const set of schemaSets.values()) fs.rmSync(set.dir, { recursive: true, force: true })
})

describe("xmllint against the WSDLs' schemas", () => {
  // Arbitrary messages of every operation, encoded in SOAP 1.1 and 1.2, are validated by the XSD law of
  // `@erpsync/conformance` (laws.test.ts).

  it.each(examples.map((e) => [e.file, e] as const))(
    "%s: the vendor example, decoded and encoded again, validates",
    (file, { message }) => {
      const value = Result.getOrThrow(XmlCodec.decodeResult(message.schema)(readReference(`examples/${file}`)))
      const result = validate(schemaSets.get(message.wsdl)!.soap11, [
        Result.getOrThrow(XmlCodec.encodeResult(message.schema)(value))
      ])
      expect(result.output).toBe("")
    }
  )

  const soap11 = () => schemaSets.get("ErpSync.wsdl")!.soap11

  it("rejects an element the WSDL does not declare in the body (the validator is strict)", () => {
    const xml = Result.getOrThrow(
      XmlCodec.encodeResult(ErpSync.GetConnectionRequest)({ Header: {}, Body: { ErpConnectionId: 7 } })
    ).replace("<ErpConnectionId>7</ErpConnectionId>", "<Unknown>7</Unknown>")
    expect(validate(soap11(), [xml]).ok).toBe(false)
  })

  it("rejects an undeclared header block (header blocks are checked strictly)", () => {
    const xml = Result.getOrThrow(
      XmlCodec.encodeResult(ErpSync.GetConnectionRequest)({
        Header: { ApplicationToken: "a" },
        Body: { ErpConnectionId: 7 }
      })
    ).replace("<ApplicationToken>a</ApplicationToken>", "<Token>a</Token>")
    expect(validate(soap11(), [xml]).ok).toBe(false)
  })

  it("checks ser:duration's restriction: a TimeSpan's range, no years or months", () => {
    const xml = Result.getOrThrow(
      XmlCodec.encodeResult(ErpSync.ChangeEngineIntervalRequest)({
        Header: {},
        Body: { Interval: Duration.minutes(5) }
      })
    )
    expect(xml).toContain("<Interval>PT5M</Interval>")
    expect(validate(soap11(), [xml]).ok).toBe(true)
    for (const bad of ["P1Y", "P1M", "P10675200D", "-P10675200D"]) {
      expect(validate(soap11(), [xml.replace("PT5M", bad)]).ok, bad).toBe(false)
    }
    expect(validate(soap11(), [xml.replace("PT5M", "P10675199DT2H48M5.4775807S")]).ok).toBe(true)
  })

  it("the vendor's SOAP 1.2 example envelope does not validate as SOAP 1.1 (the examples use the wrong envelope)", () => {
    expect(validate(soap11(), [readReference("examples/SaveConnection.request.xml")]).ok).toBe(false)
  })
})
