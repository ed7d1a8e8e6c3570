/**
 * `@erpsync/codec/Arbitrary`: the fast-check arbitraries derived from annotated schemas give values of the
 * schema's type that pass its checks (Effect's own `Schema.is` is the oracle), for every message of the
 * registry and for the ways Effect 4 declares schemas; a schema whose values cannot be found fails with a
 * typed definition error instead of looping.
 */
import { DataContract, Xml, Xsd } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { messages } from "./support/messages.js"

const NS = "urn:test"
const sample = <A>(schema: Schema.Schema<A>, numRuns = 200) => fc.sample(Arbitrary.make(schema), { numRuns, seed: 7 })

describe("values of the schema's type that pass its checks", () => {
  it.each(messages.map((m) => [`${m.service}.${m.name}`, m.schema] as const))("%s", (_, schema) => {
    const is = Schema.is(Schema.toType(schema))
    for (const value of sample(schema, 30)) expect(is(value)).toBe(true)
  })

  it.each(
    [
      ["xs:int", Xsd.int],
      ["xs:unsignedByte", Xsd.unsignedByte],
      ["xs:long", Xsd.long],
      ["xs:float", Xsd.float],
      ["xs:decimal", Xsd.decimal],
      ["xs:dateTime", Xsd.dateTime],
      ["xs:anyURI", Xsd.anyURI],
      ["xs:base64Binary", Xsd.base64Binary],
      ["ser:duration", DataContract.duration],
      ["ser:guid", DataContract.guid],
      ["ser:char", DataContract.char]
    ] as const
  )("%s", (_, schema: Schema.Top) => {
    const is = Schema.is(Schema.toType(schema))
    for (const value of sample(schema as Schema.Schema<unknown>)) expect(is(value), String(value)).toBe(true)
  })

  it("an optional key is left out, never given undefined", () => {
    const S = Schema.Struct({ a: Schema.optional(Xsd.string), b: Schema.optionalKey(Schema.NullOr(Xsd.int)) })
    const values = sample(S)
    for (const value of values) {
      for (const key of ["a", "b"] as const) {
        if (Object.hasOwn(value, key)) expect(value[key], key).not.toBeUndefined()
      }
    }
    expect(values.some((v) => !Object.hasOwn(v, "a")) && values.some((v) => Object.hasOwn(v, "a"))).toBe(true)
  })

  it("checks after an annotated type: a pattern is generated, code point lengths are kept", () => {
    const Code = Xsd.string.check(Schema.isPattern(/^[A-Z]{3}-[0-9]{4}$/))
    for (const value of sample(Code)) expect(value).toMatch(/^[A-Z]{3}-[0-9]{4}$/)
    const Long = Schema.String.check(Schema.isMinCodePoints(20))
    for (const value of sample(Long)) expect([...value].length).toBeGreaterThanOrEqual(20)
  })

  it("a Schema.Class gives instances of the class", () => {
    class Person extends Schema.Class<Person>("Person")({ name: Xsd.string, age: Xsd.int }) {}
    for (const value of sample(Person, 50)) expect(value).toBeInstanceOf(Person)
  })

  it("a recursive schema's values end", () => {
    interface Tree {
      readonly v: number
      readonly kids: ReadonlyArray<Tree>
    }
    const Tree: Schema.Codec<Tree> = Schema.Struct({
      v: Xsd.int,
      kids: Schema.Array(Schema.suspend((): Schema.Codec<Tree> => Tree)).annotate(Xml.items("t", NS))
    })
    const depth = (t: Tree): number => 1 + Math.max(0, ...t.kids.map(depth))
    for (const value of sample(Tree, 100)) expect(depth(value)).toBeLessThanOrEqual(5)
  })

  it("a key with a decoding default is generated as its type", () => {
    const S = Schema.Struct({ a: Xsd.int.pipe(Schema.withDecodingDefaultKey(Effect.succeed(5))) })
    const is = Schema.is(Schema.toType(S))
    for (const value of sample(S)) expect(is(value)).toBe(true)
  })
})

describe("schemas whose values cannot be generated", () => {
  it("checks that refuse every value drawn end in an ArbitraryDefinitionError, not a loop", () => {
    const Never = Xsd.int.check(Schema.makeFilter(() => false))
    expect(() => sample(Never, 1)).toThrow(Arbitrary.ArbitraryDefinitionError)
    expect(() => sample(Never, 1)).toThrow(/refused 1000 values in a row; annotate it with Xsd.arbitrary/)
  })

  it("a declared type without an encoding or an arbitrary annotation is an ArbitraryDefinitionError", () => {
    const Opaque = Schema.declare((u): u is symbol => typeof u === "symbol")
    expect(() => Arbitrary.make(Schema.Struct({ s: Opaque }))).toThrow(
      /^Cannot derive an arbitrary at s: a declared type needs an arbitrary annotation \(Xsd.arbitrary\)$/
    )
  })

  it("an Xsd.arbitrary annotation is what a declared type's values come from", () => {
    const Symbolic = Schema.declare((u): u is symbol => typeof u === "symbol").annotate(
      Xsd.arbitrary((fc) => fc.constantFrom(Symbol.for("a"), Symbol.for("b")))
    )
    expect(new Set(sample(Symbolic, 50))).toStrictEqual(new Set([Symbol.for("a"), Symbol.for("b")]))
  })
})
