/**
 * Conformance: encoded messages validate with xmllint against the XML Schemas embedded in the vendor's
 * ErpSync WSDL (SOAP 1.1 envelope, header blocks and body checked strictly).
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as fs from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { exampleFile, messageNames, messageSchema } from "./support/messages.js"
import { extractSchemas, readReference, validate } from "./support/reference.js"

const schemas = extractSchemas("ErpSync.wsdl")
afterAll(() => fs.rmSync(schemas.dir, { recursive: true, force: true }))

const SAMPLES = 200

describe("xmllint against the WSDL's schemas", () => {
  it.each(messageNames)("%s: arbitrary messages, encoded, validate", (name) => {
    const schema = messageSchema(name)
    const values = fc.sample(Arbitrary.make(schema), { numRuns: SAMPLES, seed: 20261128 })
    const documents = values.map((value) => Either.getOrThrow(XmlCodec.encodeEither(schema)(value)))
    const result = validate(schemas.soap11, documents)
    expect(result.output).toBe("")
    expect(result.ok).toBe(true)
  })

  it.each(messageNames)("%s: the vendor example, decoded and encoded again, validates", (name) => {
    const schema = messageSchema(name)
    const value = Either.getOrThrow(XmlCodec.decodeEither(schema)(readReference(`examples/${exampleFile(name)}`)))
    const result = validate(schemas.soap11, [Either.getOrThrow(XmlCodec.encodeEither(schema)(value))])
    expect(result.output).toBe("")
  })

  it("rejects an element the WSDL does not declare in the body (the validator is strict)", () => {
    const xml = Either.getOrThrow(
      XmlCodec.encodeEither(ErpSync.GetConnectionRequest)({ Header: {}, Body: { ErpConnectionId: 7 } })
    ).replace("<ErpConnectionId>7</ErpConnectionId>", "<Unknown>7</Unknown>")
    expect(validate(schemas.soap11, [xml]).ok).toBe(false)
  })

  it("rejects an undeclared header block (header blocks are checked strictly)", () => {
    const xml = Either.getOrThrow(
      XmlCodec.encodeEither(ErpSync.GetConnectionRequest)({
        Header: { ApplicationToken: "a" },
        Body: { ErpConnectionId: 7 }
      })
    ).replace("<ApplicationToken>a</ApplicationToken>", "<Token>a</Token>")
    expect(validate(schemas.soap11, [xml]).ok).toBe(false)
  })

  it("the vendor's SOAP 1.2 example envelope does not validate as SOAP 1.1 (the examples use the wrong envelope)", () => {
    expect(validate(schemas.soap11, [readReference("examples/SaveConnection.request.xml")]).ok).toBe(false)
  })
})
