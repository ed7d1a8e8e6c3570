/**
 * `@erpsync/conformance` as a user runs it: on a service they declare themselves with the codec's public
 * API, one line per message; and a law that finds a lossy declaration reports its seed and counterexample.
 */
import { Service, Soap, Xml, Xsd } from "@erpsync/codec"
import { Laws } from "@erpsync/conformance"
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { describe, expect, it } from "vitest"

const Orders = "urn:example:orders"

const definition = Service.define({
  name: "Orders",
  endpoint: "Orders.svc",
  namespace: Orders,
  actionPrefix: "urn:example:orders/",
  requestHeader: { Token: Soap.header(Schema.NullOr(Xsd.string)) },
  responseHeader: { Succeeded: Soap.header(Xsd.boolean) }
})

const GetOrder = definition.operation(
  "GetOrder",
  definition.request("GetOrder", { OrderId: Xml.optionalElement(Xsd.long) }),
  definition.response("GetOrderResponse", {
    Total: Xml.optionalElement(Xsd.decimal),
    Lines: Xml.optionalElement(Schema.Array(Xsd.string).annotate(Xml.items("Line", Orders)))
  })
)

describe("a user's own messages", () => {
  for (const law of Laws.of(GetOrder.request, { runs: 50 })) it(`GetOrderRequest: ${law.name}`, law.run)
  for (const law of Laws.of(GetOrder.response, { runs: 50 })) it(`GetOrderResponse: ${law.name}`, law.run)

  it("Laws.check runs them all in one call", async () => {
    await expect(Laws.check(GetOrder.request, { runs: 20 })).resolves.toBeUndefined()
  })
})

describe("a message that mixes qualified and unqualified elements", () => {
  // elementFormDefault="unqualified" members (no namespace) beside qualified ones, and a member in a third
  // namespace: all must keep their namespaces through every law.
  const Mixed = definition.request("Mixed", {
    Qualified: Xsd.string,
    Local: Xml.element(Xsd.int, { namespace: "" }),
    Other: Xml.element(Schema.NullOr(Xsd.boolean), { namespace: "urn:example:other", minOccurs: 0 }),
    Inner: Xml.element(
      Schema.Struct({ Deep: Xml.element(Xsd.string, { namespace: "" }), Named: Xsd.long }).annotate(
        Xml.complexType("Inner", Orders)
      ),
      { namespace: "" }
    )
  })
  for (const law of Laws.of(Mixed, { runs: 50 })) it(`Mixed: ${law.name}`, law.run)
})

describe("a lossy declaration", () => {
  // A note read with its spaces trimmed: what is written is not what is read back.
  const TrimmedText = Xsd.string.pipe(
    Schema.decodeTo(
      Schema.String,
      SchemaTransformation.transform({ decode: (text: string) => text.trim(), encode: (text: string) => text })
    )
  )
  const Trimmed = TrimmedText.annotate(Xsd.simpleType({
    name: "string",
    namespace: "http://www.w3.org/2001/XMLSchema",
    parse: (text) => ({ ok: true, value: text.trim() }),
    format: (value) => ({ ok: true, value: String(value) }),
    default: ""
  }, TrimmedText))
  const Note = definition.request("Note", { Text: Trimmed })

  it("fails decode ∘ encode = identity, with the seed and the shrunk counterexample", async () => {
    const identity = Laws.of(Note, { runs: 200, seed: 42 })[0]!
    expect(identity.name).toBe("decode ∘ encode = identity, and the envelope read is SOAP 1.1")
    const failure = await identity.run().then(() => undefined, (error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    const report = (failure as Error).message
    expect(report).toContain("seed: 42")
    expect(report).toMatch(/Counterexample: \[\{"Header":\{.*\},"Body":\{"Text":" "\}\}\]/)
  })
})
