/**
 * The codec's laws, as property tests over arbitraries derived from every message schema.
 */
import { XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Stream from "effect/Stream"
import { describe, expect, it } from "vitest"
import { cut } from "./support/chunks.js"
import { messageNames, messageSchema } from "./support/messages.js"
import { parseTree, type Style, writeTree } from "./support/rewrite.js"

const RUNS = 1000
const utf8 = new TextEncoder()

const prefix = fc.stringMatching(/^p[a-z0-9]{0,3}$/)

/** Every namespace a message may use, so that a style can give each one a prefix. */
const NAMESPACES = [
  "http://schemas.xmlsoap.org/soap/envelope/",
  "http://www.superoffice.net/ws/crm/NetServer/Services86",
  "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
]

const style: fc.Arbitrary<Style> = fc.record({
  prefixes: fc.uniqueArray(prefix, { minLength: NAMESPACES.length, maxLength: NAMESPACES.length }).chain((prefixes) =>
    fc.integer({ min: -1, max: NAMESPACES.length - 1 }).map((defaultIndex) =>
      new Map(NAMESPACES.map((ns, i) => [ns, i === defaultIndex ? "" : prefixes[i]!]))
    )
  ),
  declareOnRoot: fc.boolean(),
  xsiTypes: fc.boolean(),
  indent: fc.boolean(),
  xsiPrefix: fc.stringMatching(/^i[a-z]{0,3}$/)
})

const decodeSync = (schema: ReturnType<typeof messageSchema>, input: string | Uint8Array) =>
  Either.getOrThrowWith(XmlCodec.decodeEither(schema)(input), (e) => new Error(String(e)))

const encodeSync = (schema: ReturnType<typeof messageSchema>, value: unknown) =>
  Either.getOrThrowWith(XmlCodec.encodeEither(schema)(value), (e) => new Error(String(e)))

describe.each(messageNames)("%s", (name) => {
  const schema = messageSchema(name)
  const values = Arbitrary.make(schema)

  it("decode ∘ encode = identity", () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(decodeSync(schema, encodeSync(schema, value))).toStrictEqual(value)
      }),
      { numRuns: RUNS }
    )
  })

  it("decode ∘ encode = identity for SOAP 1.2 envelopes", () => {
    fc.assert(
      fc.property(values, (value) => {
        const xml = Either.getOrThrow(XmlCodec.encodeEither(schema, { soapVersion: "1.2" })(value))
        expect(xml).toContain("http://www.w3.org/2003/05/soap-envelope")
        expect(decodeSync(schema, xml)).toStrictEqual(value)
      }),
      { numRuns: RUNS }
    )
  })

  it("any chunking of the bytes decodes to the same value", async () => {
    await fc.assert(
      fc.asyncProperty(values, fc.array(fc.nat(), { maxLength: 40 }), style, async (value, offsets, s) => {
        // Rewritten with CRLF indentation and random prefixes, so that cuts also fall inside CR LF pairs.
        const xml = writeTree(parseTree(encodeSync(schema, value)), { ...s, indent: true })
        const chunks = cut(utf8.encode(xml), offsets)
        const decoded = await Effect.runPromise(XmlCodec.decodeStream(schema)(Stream.fromIterable(chunks)))
        expect(decoded).toStrictEqual(value)
      }),
      { numRuns: RUNS }
    )
  })

  it("cutting inside every multibyte character decodes to the same value", () => {
    fc.assert(
      fc.property(values, (value) => {
        const bytes = utf8.encode(encodeSync(schema, value))
        // one byte at a time: every multibyte character is split
        const decoder = XmlCodec.makeDecoder(schema)
        for (let i = 0; i < bytes.length; i++) Either.getOrThrow(decoder.write(bytes.subarray(i, i + 1)))
        expect(Either.getOrThrow(decoder.end()).value).toStrictEqual(value)
      }),
      { numRuns: 100 }
    )
  })

  it("other prefixes, a default namespace and xsi:type attributes decode to the same value", () => {
    fc.assert(
      fc.property(values, style, (value, s) => {
        const xml = writeTree(parseTree(encodeSync(schema, value)), s)
        expect(decodeSync(schema, xml)).toStrictEqual(value)
      }),
      { numRuns: RUNS }
    )
  })

  it("encode ∘ decode is a fixpoint after one pass", () => {
    fc.assert(
      fc.property(values, style, (value, s) => {
        const foreign = writeTree(parseTree(encodeSync(schema, value)), s)
        const once = encodeSync(schema, decodeSync(schema, foreign))
        const twice = encodeSync(schema, decodeSync(schema, once))
        expect(twice).toBe(once)
      }),
      { numRuns: RUNS }
    )
  })
})
