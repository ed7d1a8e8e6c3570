/**
 * A dictionary's repeated keys, found with a table of their own: the same first repeat as a `Set` finds,
 * for keys that collide in the table, keys near the table's size, and null; other keys left to the caller.
 */
import { DataContract, JsonCodec, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { firstRepeatedKey } from "../../packages/codec/src/internal/schema/duplicates.js"

/** The definition: the index of the first key a `Set` already holds, or -1. */
const bySet = (keys: ReadonlyArray<unknown>): number => {
  const seen = new Set<unknown>()
  for (let i = 0; i < keys.length; i++) {
    if (seen.has(keys[i])) return i
    seen.add(keys[i])
  }
  return -1
}

const pairsOf = (keys: ReadonlyArray<unknown>) => keys.map((Key) => ({ Key }))

describe("the first repeated key of a dictionary", () => {
  it("is the one a Set finds, for any strings and nulls", () => {
    // Few distinct keys (so that repeats are common), any string, and long arrays (past the kept table).
    const key = fc.oneof(
      fc.constantFrom("a", "b", "", "ab", "é", "😀"),
      fc.string({ unit: "grapheme" }),
      fc.constant(null)
    )
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), (keys) => {
        expect(firstRepeatedKey(pairsOf(keys))).toBe(bySet(keys))
      }),
      { numRuns: 2000 }
    )
  })

  it("finds a repeat among many distinct keys, wherever it is, in tables of every size", () => {
    for (const n of [1, 7, 8, 9, 1000, 70_000, 600_000]) {
      const keys = Array.from({ length: n }, (_, i) => `key-${i}`)
      expect(firstRepeatedKey(pairsOf(keys))).toBe(-1)
      for (const [from, to] of [[0, n - 1], [n >> 1, n - 1], [0, n >> 1]] as const) {
        if (from === to) continue
        const repeated = keys.slice()
        repeated[to] = keys[from]!
        expect(firstRepeatedKey(pairsOf(repeated))).toBe(to)
      }
    }
  })

  it("tells apart keys that share a slot of the table", () => {
    // Thousands of keys in a table of 16,384 slots: many land on a slot another key took.
    const keys = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(i & 0xffff, (i * 31) & 0xffff))
    expect(firstRepeatedKey(pairsOf(keys))).toBe(bySet(keys))
    expect(firstRepeatedKey(pairsOf([...keys, keys[4321]]))).toBe(5000)
  })

  it("leaves keys other than strings and null to the caller", () => {
    expect(firstRepeatedKey(pairsOf(["a", 1, "a"]))).toBeUndefined()
    expect(firstRepeatedKey(pairsOf([{ x: 1 }]))).toBeUndefined()
  })

  it("dictionaries of other keys still refuse a repeated one: numbers and structs", () => {
    const byInt = DataContract.dictionary({ name: "D", namespace: "urn:d", pair: "P", value: Xsd.string, key: Xsd.int })
    const validate = Schema.decodeUnknownResult(Schema.toType(byInt))
    expect(Result.isSuccess(validate([{ Key: 1, Value: "a" }, { Key: 2, Value: "b" }]))).toBe(true)
    expect(validate([{ Key: 1, Value: "a" }, { Key: 1, Value: "b" }])).toMatchObject(
      Result.fail({ message: expect.stringContaining("duplicate key 1 at item 2") })
    )
  })

  it("an item that is no pair is the item's to refuse, at its place, not the check's", () => {
    const Holder = Schema.Struct({
      Tags: DataContract.dictionary({ name: "Tags", namespace: "urn:d", pair: "Tag", value: Xsd.int })
    }).annotate(Xml.complexType("Holder", "urn:d"))
    // Each with the index of its first item that is no pair: null, or a primitive (whose Key reads undefined,
    // the same for two of them: no repeated key).
    const values: ReadonlyArray<readonly [ReadonlyArray<unknown>, number]> = [
      [[null], 0],
      [[{ Key: "a", Value: 1 }, null], 1],
      [["x", "y"], 0]
    ]
    for (const [Tags, at] of values) {
      expect(JsonCodec.encodeResult(Holder)({ Tags } as never), JSON.stringify(Tags)).toMatchObject(
        Result.fail({ _tag: "JsonEncodeError", path: `/Tags/${at}` })
      )
      const xml = XmlCodec.encodeResult(Holder.annotate(Xml.root("Holder", "urn:d")))({ Tags } as never)
      expect(xml, JSON.stringify(Tags)).toMatchObject(
        Result.fail({ _tag: "XmlEncodeError", path: `/Holder/Tags/Tag[${at + 1}]` })
      )
    }
  })
})
