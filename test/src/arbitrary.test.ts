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
import type * as AST from "effect/SchemaAST"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { messages } from "./support/messages.js"

const NS = "urn:test"
const sample = <A>(schema: Schema.Schema<A>, numRuns = 200) => fc.sample(Arbitrary.make(schema), { numRuns, seed: 7 })

describe("values of the schema's type that pass its checks", () => {
  it.each(messages.map((m) => [m.label, m.schema] as const))("%s", (_, schema) => {
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

/**
 * `schema` with a first check that counts the values it is given: with the bounds the other checks
 * declare read, every value drawn passes them, and the count is the number of values sampled.
 */
const counted = <S extends Schema.Top>(schema: S, ...checks: ReadonlyArray<AST.Check<S["Type"]>>) => {
  let calls = 0
  const counter = Schema.makeFilter<S["Type"]>(() => {
    calls++
    return true
  })
  const checked = (schema as Schema.Top).check(counter, ...(checks as ReadonlyArray<AST.Check<unknown>>))
  return { schema: checked as Schema.Schema<S["Type"]>, calls: () => calls }
}

describe("values drawn within the bounds the checks declare, none refused", () => {
  const drawn = <A>(subject: { readonly schema: Schema.Schema<A>; readonly calls: () => number }, n = 300) => {
    const values = sample(subject.schema, n)
    expect(subject.calls(), "values the checks were given").toBe(n)
    return values
  }

  it("integers between bounds, the tightest of each side", () => {
    const values = drawn(counted(
      Schema.Number,
      Schema.isInt(),
      Schema.isGreaterThanOrEqualTo(0),
      Schema.isGreaterThanOrEqualTo(5),
      Schema.isLessThanOrEqualTo(10),
      Schema.isLessThanOrEqualTo(7)
    ))
    expect(new Set(values)).toStrictEqual(new Set([5, 6, 7]))
  })

  it("numbers between bounds, and finite numbers", () => {
    for (const value of drawn(counted(Schema.Number, Schema.isBetween({ minimum: -1.5, maximum: 2.5 })))) {
      expect(value >= -1.5 && value <= 2.5, String(value)).toBe(true)
    }
    const finite = drawn(counted(Schema.Number, Schema.isFinite()), 1000)
    expect(finite.every(Number.isFinite)).toBe(true)
    expect(finite.some((n) => !Number.isInteger(n))).toBe(true)
  })

  it("bigints between bounds", () => {
    const values = drawn(counted(Schema.BigInt, Schema.isBetweenBigInt({ minimum: -2n, maximum: 2n })))
    expect(new Set(values)).toStrictEqual(new Set([-2n, -1n, 0n, 1n, 2n]))
  })

  it("strings and arrays of bounded lengths, in code units and in code points", () => {
    const lengths = drawn(counted(Schema.String, Schema.isMinLength(3), Schema.isMaxLength(5))).map((s) => s.length)
    expect(new Set(lengths)).toStrictEqual(new Set([3, 4, 5]))
    const points = drawn(counted(Schema.String, Schema.isMinCodePoints(2), Schema.isMaxCodePoints(3)))
    expect(new Set(points.map((s) => [...s].length))).toStrictEqual(new Set([2, 3]))
    const arrays = drawn(counted(Schema.Array(Schema.String), Schema.isMinLength(2), Schema.isMaxLength(3)))
    expect(new Set(arrays.map((a) => a.length))).toStrictEqual(new Set([2, 3]))
  })

  it("strings of a pattern, within a length the pattern alone does not bound", () => {
    for (const value of drawn(counted(Schema.String, Schema.isPattern(/^ab*c$/), Schema.isMaxLength(4)))) {
      expect(value).toMatch(/^ab{0,2}c$/)
    }
  })

  it("an annotation's values are trusted to meet the checks before it, and not checked again", () => {
    const Trusted = Schema.String.check(Schema.isMaxLength(1)).annotate(Xsd.arbitrary((fc) => fc.constant("long")))
    expect(sample(Trusted, 5)).toStrictEqual(["long", "long", "long", "long", "long"])
  })

  it("a check that refuses many values, never a thousand in a row, is met without error", () => {
    const values = sample(Xsd.int.check(Schema.makeFilter((n: number) => n % 2 === 0)), 5000)
    expect(values.every((n) => n % 2 === 0)).toBe(true)
  })
})

describe("every kind of schema Effect declares", () => {
  it("literals, enums, null, undefined and void", () => {
    expect(new Set(sample(Schema.Enum({ A: "a", B: "b" }), 100))).toStrictEqual(new Set(["a", "b"]))
    expect(new Set(sample(Schema.Literal(5), 5))).toStrictEqual(new Set([5]))
    expect(new Set(sample(Schema.Null, 5))).toStrictEqual(new Set([null]))
    expect(new Set(sample(Schema.Undefined, 5))).toStrictEqual(new Set([undefined]))
    expect(new Set(sample(Schema.Void, 5))).toStrictEqual(new Set([undefined]))
  })

  it("tuples, and tuples with a rest", () => {
    for (const [n, s] of sample(Schema.Tuple([Xsd.int, Xsd.string]))) {
      expect(Number.isInteger(n) && typeof s === "string").toBe(true)
    }
    const rests = sample(Schema.TupleWithRest(Schema.Tuple([Schema.Literal("head")]), [Schema.Boolean]))
    for (const [head, ...rest] of rests) {
      expect(head).toBe("head")
      expect(rest.every((b) => typeof b === "boolean")).toBe(true)
    }
    expect(rests.some((t) => t.length > 1)).toBe(true)
  })

  it("an optional key whose union carries checks keeps them", () => {
    const InRange = Schema.UndefinedOr(Schema.Number).check(
      Schema.makeFilter((v: number | undefined) => v === undefined || (v >= 0 && v <= 1))
    )
    const values = sample(Schema.Struct({ a: Schema.optionalKey(InRange) }), 300)
    for (const { a } of values) if (a !== undefined) expect(a >= 0 && a <= 1, String(a)).toBe(true)
    expect(values.some((v) => Object.hasOwn(v, "a"))).toBe(true)
  })

  it("a member named __proto__ is a key like any other", () => {
    const S = Schema.Struct({ ["__proto__"]: Xsd.int })
    for (const value of sample(S, 20)) expect(Object.keys(value)).toStrictEqual(["__proto__"])
  })
})

describe("recursion ends at the same depth whatever the way back", () => {
  // Three recursive references deep, generation keeps to the ways out: null, an empty array.
  interface Linked {
    readonly next: Linked | null
  }
  const Linked: Schema.Codec<Linked> = Schema.Struct({
    next: Schema.NullOr(Schema.suspend((): Schema.Codec<Linked> => Linked))
  })
  type Boxed = readonly [Boxed] | null
  const Boxed: Schema.Codec<Boxed> = Schema.Union([
    Schema.Tuple([Schema.suspend((): Schema.Codec<Boxed> => Boxed)]),
    Schema.Null
  ])
  type Listed = ReadonlyArray<Listed> | null
  const Listed: Schema.Codec<Listed> = Schema.Union([
    Schema.Array(Schema.suspend((): Schema.Codec<Listed> => Listed)),
    Schema.Null
  ])
  interface Held {
    readonly held: Held | null
  }
  const Held: Schema.Codec<Held | null> = Schema.Union([
    Schema.Struct({ held: Schema.suspend((): Schema.Codec<Held | null> => Held) }),
    Schema.Null
  ])
  const linked = (v: Linked): number => v.next === null ? 1 : 1 + linked(v.next)
  const boxed = (v: Boxed): number => v === null ? 0 : 1 + boxed(v[0])
  const listed = (v: Listed): number => v === null ? 0 : 1 + Math.max(0, ...v.map(listed))
  const held = (v: Held | null): number => v === null ? 0 : 1 + held(v.held)
  const deepest = <A>(schema: Schema.Schema<A>, depth: (value: A) => number) =>
    Math.max(...sample(schema, 400).map(depth))

  it("through a nullable member: four structs, the last one's member null", () => {
    expect(deepest(Linked, linked)).toBe(4)
  })

  it("through a tuple, an array and a struct in a union with null: three levels", () => {
    expect(deepest(Boxed, boxed)).toBe(3)
    expect(deepest(Listed, listed)).toBe(3)
    expect(deepest(Held, held)).toBe(3)
  })
})

describe("schemas whose values cannot be generated", () => {
  it.each(
    [
      ["index signatures", Schema.Record(Schema.String, Xsd.int), "the root: index signatures are not generated"],
      ["a symbol key", Schema.Struct({ [Symbol.for("s")]: Xsd.int }), "the root: only string keys are generated"],
      ["a symbol", Schema.Struct({ a: Schema.Struct({ b: Schema.Symbol }) }), "a.b: Symbol is not generated"],
      [
        "elements after a rest",
        Schema.TupleWithRest(Schema.Tuple([]), [Schema.String, Schema.Number]),
        "the root: elements after a rest element are not generated"
      ]
    ] as const
  )("%s", (_, schema, where) => {
    const error = (() => {
      try {
        Arbitrary.make(schema as Schema.Schema<unknown>)
        return undefined
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(Arbitrary.ArbitraryDefinitionError)
    expect((error as Error).name).toBe("ArbitraryDefinitionError")
    expect((error as Error).message).toBe(`Cannot derive an arbitrary at ${where}`)
  })

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
