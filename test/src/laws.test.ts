/**
 * The codec's laws, as property tests over arbitraries derived from every message of every service in
 * the registry. `ERPSYNC_LAW_RUNS` sets the cases per law and message (default 100; `pnpm laws` runs
 * 1,000).
 */
import { XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { describe, expect, it } from "vitest"
import { cut } from "./support/chunks.js"
import { messages } from "./support/messages.js"
import { parseTree, type Style, writeTree } from "./support/rewrite.js"

const RUNS = Number(process.env["ERPSYNC_LAW_RUNS"] ?? 100)
const utf8 = new TextEncoder()

const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"

/** Every namespace a message's elements may be in: the envelope's and those its description names. */
const namespacesOf = (schema: Schema.Schema<unknown, unknown>): ReadonlyArray<string> => {
  const description = XmlCodec.describe(schema)
  const namespaces = new Set([SOAP11])
  const visit = (elements: ReadonlyArray<XmlCodec.ElementDescription>) => {
    for (const element of elements) {
      if (element.namespace !== "") namespaces.add(element.namespace)
      if (element.type.kind === "complex" && element.type.sequence !== undefined) visit(element.type.sequence)
    }
  }
  visit(description.elements)
  for (const sequence of description.types.values()) visit(sequence)
  return [...namespaces]
}

const prefix = fc.stringMatching(/^p[a-z0-9]{0,3}$/)

/** Other prefixes for a message's namespaces, one of them (or none) the default namespace. */
const styleOf = (namespaces: ReadonlyArray<string>): fc.Arbitrary<Style> =>
  fc.record({
    prefixes: fc.uniqueArray(prefix, { minLength: namespaces.length, maxLength: namespaces.length }).chain((prefixes) =>
      fc.integer({ min: -1, max: namespaces.length - 1 }).map((defaultIndex) =>
        new Map(namespaces.map((ns, i) => [ns, i === defaultIndex ? "" : prefixes[i]!]))
      )
    ),
    declareOnRoot: fc.boolean(),
    xsiTypes: fc.boolean(),
    indent: fc.boolean(),
    xsiPrefix: fc.stringMatching(/^i[a-z]{0,3}$/)
  })

const decodeSync = (schema: Schema.Schema<unknown, unknown>, input: string | Uint8Array) =>
  Either.getOrThrowWith(XmlCodec.decodeEither(schema)(input), (e) => new Error(String(e)))

const encodeSync = (schema: Schema.Schema<unknown, unknown>, value: unknown) =>
  Either.getOrThrowWith(XmlCodec.encodeEither(schema)(value), (e) => new Error(String(e)))

describe.each(messages.map((m) => [`${m.service}.${m.name}`, m] as const))("%s", (_, { schema }) => {
  const values = Arbitrary.make(schema)
  const style = styleOf(namespacesOf(schema))

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
      { numRuns: Math.max(10, Math.round(RUNS / 10)) }
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
