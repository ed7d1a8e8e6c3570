/**
 * The JSON codec on schemas of every kind the XML codec takes, not only ErpSync's: refinements and
 * transformations, recursive types, optional keys, required members, dictionaries; and its typed errors on
 * reading and on writing, each with the reason, the place and what was found.
 */
import { DataContract, JsonCodec, Xml, Xsd } from "@erpsync/codec"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { describe, expect, it } from "vitest"

const NS = "urn:json"
const struct = <Fields extends Schema.Struct.Fields>(name: string, fields: Fields) =>
  Schema.Struct(fields).annotate(Xml.complexType(name, NS))

const readFailure = <A, I>(schema: Schema.Codec<A, I>, text: string) =>
  Option.getOrThrow(Result.getFailure(JsonCodec.decodeResult(schema)(text)))
const writeFailure = <A, I>(schema: Schema.Codec<A, I>, value: unknown) =>
  Option.getOrThrow(Result.getFailure(JsonCodec.encodeResult(schema)(value as A)))

/** Cents on the wire, a decimal string in the value; one that is not a whole number of cents is refused. */
const Cents = Xsd.int.pipe(Schema.decodeTo(
  Schema.String.check(Schema.isPattern(/^-?[0-9]+\.[0-9]{2}$/)),
  SchemaTransformation.transform({
    decode: (n: number) => (n / 100).toFixed(2),
    encode: (s: string) => Math.round(Number(s) * 100)
  })
))

const Positive = Xsd.int.check(Schema.isGreaterThan(0))

interface Folder {
  readonly Name: string
  readonly Children: ReadonlyArray<Folder> | null
}
const Folder: Schema.Codec<Folder> = struct("Folder", {
  Name: Xsd.string,
  Children: Schema.NullOr(
    Schema.Array(Schema.suspend((): Schema.Codec<Folder> => Folder)).annotate(Xml.items("Folder", NS))
  )
})

const Order = struct("Order", {
  Id: Positive,
  Price: Cents,
  Note: Schema.optionalKey(Xsd.string),
  Lines: Xml.optionalElement(Schema.NullOr(Schema.Array(Xsd.string).annotate(Xml.items("Line", NS)))),
  Tags: Xml.optionalElement(
    Schema.NullOr(DataContract.dictionary({ name: "Tags", namespace: NS, pair: "Tag", value: Xsd.int }))
  )
})

describe("the JSON form of refinements, transformations, recursion and optional keys", () => {
  it("reads and writes a transformation's wire side, and the refined value", () => {
    const text = `{"Id":7,"Price":1250,"Note":"n","Lines":["a"],"Tags":{"x":1}}`
    const value = { Id: 7, Price: "12.50", Note: "n", Lines: ["a"], Tags: [{ Key: "x", Value: 1 }] }
    expect(Result.getOrThrow(JsonCodec.decodeResult(Order)(text))).toStrictEqual(value)
    expect(Result.getOrThrow(JsonCodec.encodeResult(Order)(value))).toBe(text)
    // An optional key left out stays out; members that may be absent take their defaults.
    expect(Result.getOrThrow(JsonCodec.decodeResult(Order)(`{"Id":1,"Price":5}`))).toStrictEqual({
      Id: 1,
      Price: "0.05",
      Lines: null,
      Tags: null
    })
    expect(Result.getOrThrow(JsonCodec.encodeResult(Order)({ Id: 1, Price: "0.05", Lines: null, Tags: null }))).toBe(
      `{"Id":1,"Price":5,"Lines":null,"Tags":null}`
    )
  })

  it("a recursive type, as deep as it goes", () => {
    const tree: Folder = {
      Name: "root",
      Children: [{ Name: "a", Children: [{ Name: "b", Children: null }] }, { Name: "c", Children: [] }]
    }
    const text = Result.getOrThrow(JsonCodec.encodeResult(Folder)(tree))
    expect(JSON.parse(text)).toStrictEqual(tree)
    expect(Result.getOrThrow(JsonCodec.decodeResult(Folder)(text))).toStrictEqual(tree)
    expect(readFailure(Folder, `{"Name":"r","Children":[{"Name":"a","Children":[{"Children":null}]}]}`))
      .toMatchObject({ reason: "MissingMember", path: "/Children/0/Children/0", detail: "the member Name is missing" })
  })
})

describe("reading: each refusal with its reason, place and what was found", () => {
  it.each([
    ["a refinement that fails", `{"Id":0,"Price":1}`, "InvalidValue", "/Id", /0/],
    ["a transformation's target check that fails", `{"Id":1,"Price":"x"}`, "InvalidValue", "/Price", /"x"/],
    [
      "an array where a struct is",
      `{"Id":1,"Price":1,"Lines":null,"Tags":[]}`,
      "InvalidValue",
      "/Tags",
      /^an array where an object \(a dictionary\) was expected$/
    ],
    [
      "a string where a dictionary is",
      `{"Id":1,"Price":1,"Tags":"x"}`,
      "InvalidValue",
      "/Tags",
      /^a string where an object \(a dictionary\) was expected$/
    ],
    [
      "a number where an array is",
      `{"Id":1,"Price":1,"Lines":5}`,
      "InvalidValue",
      "/Lines",
      /^a number where an array was expected$/
    ],
    [
      "a boolean where an array is",
      `{"Id":1,"Price":1,"Lines":true}`,
      "InvalidValue",
      "/Lines",
      /^a boolean where an array was expected$/
    ],
    [
      "an object where an array is",
      `{"Id":1,"Price":1,"Lines":{}}`,
      "InvalidValue",
      "/Lines",
      /^an object where an array was expected$/
    ],
    ["a number where a struct is", `5`, "InvalidValue", "", /^a number where an object was expected$/],
    ["null where a struct is", `null`, "InvalidNull", "", /^null where the type allows none$/],
    [
      "null where an item may not be",
      `{"Id":1,"Price":1,"Lines":[null]}`,
      "InvalidNull",
      "/Lines/0",
      /^null where the type allows none$/
    ],
    ["a required member left out", `{"Price":1}`, "MissingMember", "", /^the member Id is missing$/],
    [
      "one member named twice, in two cases",
      `{"Id":1,"id":2,"Price":1}`,
      "DuplicateMember",
      "",
      /"Id" and "id" are both the member Id/
    ],
    [
      "a dictionary's value of the wrong kind",
      `{"Id":1,"Price":1,"Tags":{"a":1,"b":"2"}}`,
      "InvalidValue",
      "/Tags/b",
      /"2"/
    ]
  ])("%s", (_, text, reason, path, detail) => {
    const failure = readFailure(Order, text)
    expect(failure).toMatchObject({ _tag: "JsonDecodeError", reason, path })
    expect((failure as { readonly detail: string }).detail).toMatch(detail)
  })

  it("a big integer where a number of a double's range is: a number, named by its digits", () => {
    const failure = readFailure(Order, `{"Id":123456789012345678901234,"Price":1}`)
    expect(failure).toMatchObject({ reason: "InvalidValue", path: "/Id" })
    expect(failure.message).toContain("123456789012345678901234")
  })
})

describe("writing: each refusal with its reason and place", () => {
  it.each([
    ["a refinement that fails", { Id: 0, Price: "1.00", Lines: null, Tags: null }, "InvalidValue", "/Id"],
    ["a transformation that refuses", { Id: 1, Price: "1.5", Lines: null, Tags: null }, "InvalidValue", "/Price"],
    ["not a struct", 5, "InvalidValue", ""],
    ["null where a struct is", null, "InvalidNull", ""],
    ["not an array", { Id: 1, Price: "1.00", Lines: "a", Tags: null }, "InvalidValue", "/Lines"],
    ["null where an item may not be", { Id: 1, Price: "1.00", Lines: [null], Tags: null }, "InvalidNull", "/Lines/0"],
    [
      "a dictionary key that is no string",
      { Id: 1, Price: "1.00", Lines: null, Tags: [{ Key: null, Value: 1 }] },
      "InvalidValue",
      "/Tags/0"
    ],
    [
      "a dictionary value of the wrong type",
      { Id: 1, Price: "1.00", Lines: null, Tags: [{ Key: "a", Value: "1" }] },
      "InvalidValue",
      "/Tags/0"
    ],
    ["a required member left out", { Price: "1.00" }, "InvalidValue", "/Id"]
  ])("%s", (_, value, reason, path) => {
    expect(writeFailure(Order, value)).toMatchObject({ _tag: "JsonEncodeError", reason, path })
  })

  it("a value's text in an error is its kind or its own text, never more than it is", () => {
    expect(writeFailure(Order, 5).message).toBe("InvalidValue: 5 is not a struct")
    expect(writeFailure(Order, { Id: 1, Price: "1.00", Lines: "a" }).message).toBe(
      "at /Lines: InvalidValue: a is not an array"
    )
  })
})
