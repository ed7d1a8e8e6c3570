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

  it("a Schema.Class with checks of its own gives instances that pass them", () => {
    class Positive extends Schema.Class<Positive>("Positive")({ a: Xsd.int }) {}
    const Checked = Positive.check(Schema.makeFilter((p: Positive) => p.a > 0))
    const values = sample(Checked, 100)
    for (const value of values) {
      expect(value).toBeInstanceOf(Positive)
      expect(value.a).toBeGreaterThan(0)
    }
    const Never = Positive.check(Schema.makeFilter(() => false))
    expect(() => sample(Never, 1)).toThrow(
      /^Cannot derive an arbitrary at the root: its checks refused 1000 values in a row/
    )
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

describe("the generators of XML text and dateTimes reach what the codec must carry", () => {
  it("xs:string: markup characters, line ends, tabs and characters past the BMP, and only XML 1.0 Chars", () => {
    const values = sample(Xsd.string, 1000)
    // XML 1.0 §2.2, Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    for (const value of values) expect(value).toMatch(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u)
    // Each in one value in twenty at least: the laws' quickest setting draws 20 values of a message.
    const tricky = [
      "&",
      "<",
      ">",
      "\"",
      "'",
      "]]>",
      "\r",
      "\n",
      "\r\n",
      "\t",
      " ",
      "é",
      "ø",
      "€",
      "😀",
      "\u2028",
      "\uFFFD"
    ]
    for (const text of tricky) {
      expect(values.filter((value) => value.includes(text)).length, JSON.stringify(text)).toBeGreaterThanOrEqual(50)
    }
    // `>` on its own as well as closing `]]>`.
    expect(values.filter((value) => /(?<!\]\])>/.test(value)).length).toBeGreaterThanOrEqual(50)
    const all = values.join("")
    // A lone CR and a lone LF, not only the pair.
    expect(/\r(?!\n)/.test(all) && /(?<!\r)\n/.test(all)).toBe(true)
    // Characters past the BMP other than the one listed, and of the BMP past ASCII other than those listed.
    expect([...all].some((c) => c.codePointAt(0)! > 0xffff && c !== "😀")).toBe(true)
    expect(
      [...all].some((c) => c.codePointAt(0)! > 0x7f && c.codePointAt(0)! <= 0xffff && !"éø€\u2028\uFFFD".includes(c))
    )
      .toBe(true)
    expect(values.some((value) => value === "")).toBe(true)
  })

  it("xs:dateTime: every form of XSD's lexical space, with and without fraction and time zone", () => {
    // XSD 1.1 Part 2, §3.3.7: a year of four digits or more, month, day, hour, minute, second, an optional
    // fraction, an optional zone.
    const form = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$/
    const values = sample(Xsd.dateTime, 2000)
    const fractions = new Set<string>()
    const zones = new Set<string>()
    const years: Array<number> = []
    for (const value of values) {
      const match = form.exec(value)
      expect(match, value).not.toBeNull()
      const [, year, month, day, hour, minute, second, fraction, zone] = match!
      years.push(Number(year))
      expect(Number(year) >= 1 && Number(year) <= 9999, value).toBe(true)
      expect(Number(month) >= 1 && Number(month) <= 12, value).toBe(true)
      expect(Number(day) >= 1 && Number(day) <= 28, value).toBe(true)
      expect(Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59, value).toBe(true)
      fractions.add(fraction ?? "")
      zones.add(zone ?? "")
    }
    expect(fractions.size >= 3 && fractions.has("")).toBe(true)
    expect(zones).toStrictEqual(new Set(["", "Z", "+01:00", "-05:30"]))
    // Years of fewer than four digits, written with leading zeros, and years of four.
    expect(years.some((y) => y < 1000) && years.some((y) => y >= 1000)).toBe(true)
    expect(values.some((v) => /T0\d:0\d:0\d/.test(v.slice(10)) || /-0\d-0\dT/.test(v))).toBe(true)
  })
})

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
    // The tightest whatever the order the checks come in.
    const reversed = drawn(counted(
      Schema.Number,
      Schema.isInt(),
      Schema.isLessThanOrEqualTo(7),
      Schema.isLessThanOrEqualTo(10),
      Schema.isGreaterThanOrEqualTo(5),
      Schema.isGreaterThanOrEqualTo(0)
    ))
    expect(new Set(reversed)).toStrictEqual(new Set([5, 6, 7]))
  })

  it("integers bounded on one side, or on none, and the bounds of a group of checks", () => {
    expect(drawn(counted(Schema.Number, Schema.isInt())).every(Number.isSafeInteger)).toBe(true)
    expect(drawn(counted(Schema.Number, Schema.isInt(), Schema.isGreaterThanOrEqualTo(3))).every((n) => n >= 3))
      .toBe(true)
    expect(drawn(counted(Schema.Number, Schema.isInt(), Schema.isLessThanOrEqualTo(-3))).every((n) => n <= -3))
      .toBe(true)
    // isInt32 is a group of checks (an integer, and a range): its bounds are read inside it, and a check
    // after it still applies.
    const int32 = drawn(counted(Schema.Number, Schema.isInt32()))
    expect(int32.every((n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31)).toBe(true)
    const even = sample(Schema.Number.check(Schema.isInt32(), Schema.makeFilter((n: number) => n % 2 === 0)))
    expect(even.every((n) => n % 2 === 0)).toBe(true)
  })

  it("numbers between bounds, and finite numbers", () => {
    for (const value of drawn(counted(Schema.Number, Schema.isBetween({ minimum: -1.5, maximum: 2.5 })))) {
      expect(value >= -1.5 && value <= 2.5, String(value)).toBe(true)
    }
    const finite = drawn(counted(Schema.Number, Schema.isFinite()), 1000)
    expect(finite.every(Number.isFinite)).toBe(true)
    expect(finite.some((n) => !Number.isInteger(n))).toBe(true)
    // Bounded on one side: no NaN, which no bound admits, and the infinity on the open side.
    const above = drawn(counted(Schema.Number, Schema.isGreaterThanOrEqualTo(-1)), 1000)
    expect(above.every((n) => n >= -1) && above.includes(Infinity)).toBe(true)
    const below = drawn(counted(Schema.Number, Schema.isLessThanOrEqualTo(1)), 1000)
    expect(below.every((n) => n <= 1) && below.includes(-Infinity)).toBe(true)
    // Unbounded: every double, NaN and the infinities among them.
    const any = sample(Schema.Number, 1000)
    expect(any.some(Number.isNaN) && any.includes(Infinity) && any.includes(-Infinity)).toBe(true)
  })

  it("bigints between bounds", () => {
    const values = drawn(counted(Schema.BigInt, Schema.isBetweenBigInt({ minimum: -2n, maximum: 2n })))
    expect(new Set(values)).toStrictEqual(new Set([-2n, -1n, 0n, 1n, 2n]))
    const above = drawn(counted(Schema.BigInt, Schema.isGreaterThanOrEqualToBigInt(2n ** 70n)))
    expect(above.every((n) => n >= 2n ** 70n)).toBe(true)
    const below = drawn(counted(Schema.BigInt, Schema.isLessThanOrEqualToBigInt(-(2n ** 70n))))
    expect(below.every((n) => n <= -(2n ** 70n))).toBe(true)
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
    const values = drawn(
      counted(Schema.String, Schema.isPattern(/^ab*c$/), Schema.isMinLength(3), Schema.isMaxLength(4))
    )
    for (const value of values) expect(value).toMatch(/^ab{1,2}c$/)
    expect(new Set(values.map((value) => value.length))).toStrictEqual(new Set([3, 4]))
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
    // Left out, never given undefined, though the union has it.
    for (const value of values) if (Object.hasOwn(value, "a")) expect(value.a).not.toBeUndefined()
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

  // The way back found inside a member: a union's, a tuple's second element, a struct's second member.
  type Chained = { readonly next: Chained | null } | null
  const Chained: Schema.Codec<Chained> = Schema.Union([
    Schema.Struct({ next: Schema.NullOr(Schema.suspend((): Schema.Codec<Chained> => Chained)) }),
    Schema.Null
  ])
  type Paired = readonly [number, Paired] | null
  const Paired: Schema.Codec<Paired> = Schema.Union([
    Schema.Tuple([Xsd.int, Schema.suspend((): Schema.Codec<Paired> => Paired)]),
    Schema.Null
  ])
  interface Kept {
    readonly v: number
    readonly kept: Kept | null
  }
  const Kept: Schema.Codec<Kept | null> = Schema.Union([
    Schema.Struct({ v: Xsd.int, kept: Schema.suspend((): Schema.Codec<Kept | null> => Kept) }),
    Schema.Null
  ])
  const chained = (v: Chained): number => v === null ? 0 : 1 + (v.next === null ? 0 : chained(v.next))
  const paired = (v: Paired): number => v === null ? 0 : 1 + paired(v[1])
  const kept = (v: Kept | null): number => v === null ? 0 : 1 + kept(v.kept)

  it("through a way back inside a member: a union's, a tuple's element, a struct's member", () => {
    expect(deepest(Chained, chained)).toBe(3)
    expect(deepest(Paired, paired)).toBe(3)
    expect(deepest(Kept, kept)).toBe(3)
  })

  // Every member of the union leads back; the ways out are the empty lists.
  type Forest = ReadonlyArray<Forest> | { readonly kids: ReadonlyArray<Forest> }
  const Forest: Schema.Codec<Forest> = Schema.Union([
    Schema.Array(Schema.suspend((): Schema.Codec<Forest> => Forest)).annotate(Xml.items("f", NS)),
    Schema.Struct({
      kids: Schema.Array(Schema.suspend((): Schema.Codec<Forest> => Forest)).annotate(Xml.items("f", NS))
    })
  ])
  const forest = (v: Forest): number =>
    1 + Math.max(0, ...(Array.isArray(v) ? v : (v as { kids: ReadonlyArray<Forest> }).kids).map(forest))
  // Below the depth, a list that does not lead back is still drawn.
  interface Tagged {
    readonly tags: ReadonlyArray<number> | null
    readonly kids: ReadonlyArray<Tagged>
  }
  const Tagged: Schema.Codec<Tagged> = Schema.Struct({
    tags: Schema.NullOr(Schema.Array(Xsd.int).annotate(Xml.items("t", NS))),
    kids: Schema.Array(Schema.suspend((): Schema.Codec<Tagged> => Tagged)).annotate(Xml.items("k", NS))
  })
  const tagged = (v: Tagged, depth = 0): Array<readonly [number, Tagged]> => [
    [depth, v],
    ...v.kids.flatMap((k) => tagged(k, depth + 1))
  ]

  it("through a union whose every member leads back, and past the depth for what does not", () => {
    expect(deepest(Forest, forest)).toBe(4)
    const nodes = sample(Tagged, 400).flatMap((v) => tagged(v))
    expect(Math.max(...nodes.map(([d]) => d))).toBe(3)
    expect(nodes.some(([d, v]) => d === 3 && v.tags !== null && v.tags.length > 0)).toBe(true)
  })
})

describe("schemas whose values cannot be generated", () => {
  it.each(
    [
      ["index signatures", Schema.Record(Schema.String, Xsd.int), "the root: index signatures are not generated"],
      ["a symbol key", Schema.Struct({ [Symbol.for("s")]: Xsd.int }), "the root: only string keys are generated"],
      ["a symbol", Schema.Struct({ a: Schema.Struct({ b: Schema.Symbol }) }), "a.b: Symbol is not generated"],
      ["a tuple's element", Schema.Tuple([Xsd.int, Schema.Symbol]), "1: Symbol is not generated"],
      ["a list's item", Schema.Struct({ a: Schema.Array(Schema.Symbol) }), "a.[]: Symbol is not generated"],
      ["an optional key", Schema.Struct({ a: Schema.optionalKey(Schema.Symbol) }), "a: Symbol is not generated"],
      ["an empty union", Schema.Struct({ a: Schema.Union([]) }), "a: an empty union has no values"],
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
    const { calls, schema } = counted(Xsd.int, Schema.makeFilter(() => false))
    expect(() => sample(schema, 1)).toThrow(Arbitrary.ArbitraryDefinitionError)
    expect(calls()).toBe(1000)
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

describe("makeInput: what make takes, members with a default left out or not, at every depth", () => {
  const Leaf = Schema.Struct({ Opt: Xml.optionalElement(Xsd.int), Req: Xsd.int })
  type Leaf = typeof Leaf.Type
  interface Tree {
    readonly Opt: number
    readonly Kids: ReadonlyArray<Tree>
  }
  const Tree: Schema.Codec<Tree, Tree, never, never> = Schema.Struct({
    Opt: Xml.optionalElement(Xsd.int),
    Kids: Schema.Array(Schema.suspend((): Schema.Codec<Tree, Tree, never, never> => Tree)).annotate(
      Xml.items("Tree", NS)
    )
  }) as never
  class Whole extends Schema.Class<Whole>("Whole")({ Opt: Xml.optionalElement(Xsd.int) }) {}
  const Root = Schema.Struct({
    Opt: Xml.optionalElement(Xsd.string),
    Req: Xsd.string,
    Leaf,
    Nullable: Schema.NullOr(Leaf),
    Leaves: Schema.Array(Leaf).annotate(Xml.items("Leaf", NS)),
    Listed: Schema.NullOr(Schema.Array(Leaf).annotate(Xml.items("Leaf", NS))),
    Tree,
    Either: Schema.Union([Leaf, Xsd.string]),
    Pair: Schema.Tuple([Leaf]),
    Headed: Schema.TupleWithRest(Schema.Tuple([Leaf]), [Leaf]),
    Whole
  })
  // Drawn in the first test that needs them, not while the file loads.
  let drawn: ReadonlyArray<Record<string, unknown>> | undefined
  const sampled = () =>
    drawn ??= fc.sample(Arbitrary.makeInput(Root), { numRuns: 300, seed: 7 }) as ReadonlyArray<Record<string, unknown>>
  /** Whether an own property of `o` is `key`, as a plain data property (`__proto__` included). */
  const has = (o: object, key: string): boolean => {
    const descriptor = Object.getOwnPropertyDescriptor(o, key)
    if (descriptor === undefined) return false
    expect(descriptor, key).toMatchObject({ enumerable: true, writable: true, configurable: true })
    return true
  }
  /** Every struct of the member's kind in `inputs`: the default member's presence, the required one always. */
  const presence = (structs: ReadonlyArray<object>, required?: string): ReadonlySet<boolean> => {
    for (const s of structs) if (required !== undefined) expect(has(s, required), required).toBe(true)
    return new Set(structs.map((s) => has(s, "Opt")))
  }
  const trees = (t: Tree): Array<Tree> => [t, ...t.Kids.flatMap(trees)]

  it("left out and kept, at the root, in a struct, through null, a list, a recursive reference and a union", () => {
    const inputs = sampled()
    const both = new Set([true, false])
    expect(presence(inputs, "Req")).toStrictEqual(both)
    expect(presence(inputs.map((i) => i["Leaf"] as Leaf), "Req")).toStrictEqual(both)
    const nullable = inputs.map((i) => i["Nullable"] as Leaf | null)
    expect(nullable.includes(null)).toBe(true)
    expect(presence(nullable.filter((l) => l !== null), "Req")).toStrictEqual(both)
    expect(presence(inputs.flatMap((i) => i["Leaves"] as ReadonlyArray<Leaf>), "Req")).toStrictEqual(both)
    const listed = inputs.map((i) => i["Listed"] as ReadonlyArray<Leaf> | null)
    expect(listed.includes(null)).toBe(true)
    expect(presence(listed.flatMap((l) => l ?? []), "Req")).toStrictEqual(both)
    const nested = inputs.flatMap((i) => trees(i["Tree"] as Tree).slice(1))
    expect(nested.length).toBeGreaterThan(0)
    expect(presence(inputs.flatMap((i) => trees(i["Tree"] as Tree)))).toStrictEqual(both)
    expect(presence(nested)).toStrictEqual(both)
    const either = inputs.map((i) => i["Either"] as Leaf | string)
    expect(either.some((e) => typeof e === "string")).toBe(true)
    expect(presence(either.filter((e): e is Leaf => typeof e === "object"), "Req")).toStrictEqual(both)
  })

  it("a tuple's elements and a declared type's value are left whole", () => {
    for (const input of sampled()) {
      const [pair] = input["Pair"] as readonly [Leaf]
      expect(has(pair, "Opt") && has(pair, "Req")).toBe(true)
      for (const leaf of input["Headed"] as ReadonlyArray<Leaf>) expect(has(leaf, "Opt") && has(leaf, "Req")).toBe(true)
      expect(input["Whole"]).toBeInstanceOf(Whole)
      expect(typeof (input["Whole"] as Whole).Opt).toBe("number")
    }
  })

  it("make completes every input to a value of the type", () => {
    const is = Schema.is(Schema.toType(Root))
    for (const input of sampled()) expect(is(Root.make(input as never))).toBe(true)
  })

  it("a member named __proto__ with a default is an own key when kept", () => {
    const S = Schema.Struct({ ["__proto__"]: Xml.optionalElement(Xsd.int) })
    const all = fc.sample(Arbitrary.makeInput(S), { numRuns: 100, seed: 7 }) as ReadonlyArray<object>
    expect(new Set(all.map((input) => has(input, "__proto__")))).toStrictEqual(new Set([true, false]))
    for (const input of all) expect(Object.getPrototypeOf(input)).toBe(Object.prototype)
  })
})
