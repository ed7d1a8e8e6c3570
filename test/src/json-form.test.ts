/**
 * The command line's JSON form of a decoded message (`erpsync decode`, `erpsync call`): the same text as
 * `Schema.encodeSync` gives, for every message, whether it takes the short way (a schema that transforms
 * nothing: the decoded value is its own encoded form) or encodes.
 */
import { DataContract, Xml, XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { jsonOf } from "../../packages/cli/src/internal/json.js"
import { messages } from "./support/messages.js"

const RUNS = Number(process.env["ERPSYNC_JSON_RUNS"] ?? 25)

describe("the JSON form of a decoded message", () => {
  it.each(messages.map((m) => [m.label, m] as const))(
    "%s: as Schema.encodeSync gives it",
    (_, { schema }) => {
      const encodeXml = XmlCodec.encodeResult(schema)
      const decodeXml = XmlCodec.decodeResult(schema)
      const json = jsonOf(schema)
      fc.assert(
        fc.property(Arbitrary.make(schema), (value) => {
          // The value as the decoder builds it, from the message's XML.
          const decoded = Result.getOrThrow(decodeXml(Result.getOrThrow(encodeXml(value))))
          const expected = JSON.stringify(Schema.encodeSync(schema)(decoded))
          expect(JSON.stringify(Effect.runSync(json(decoded)))).toBe(expected)
        }),
        { numRuns: RUNS }
      )
    }
  )

  it("takes the short way only for a schema that transforms nothing", () => {
    const Plain = Schema.Struct({ Name: Schema.String, Ids: Schema.Array(Schema.Number) })
    const plain = { Name: "a", Ids: [1, 2] }
    // The very value: nothing was copied.
    expect(Effect.runSync(jsonOf(Plain)(plain))).toBe(plain)

    const Timed = Schema.Struct({ Interval: DataContract.duration }).annotate(Xml.complexType("Timed", "urn:t"))
    expect(Effect.runSync(jsonOf(Timed)({ Interval: Duration.minutes(5) }))).toStrictEqual({ Interval: "PT5M" })
    // A transformation deep inside (behind a recursive reference) is found too.
    interface Tree {
      readonly Interval: Duration.Duration
      readonly Children: ReadonlyArray<Tree>
    }
    const Tree: Schema.Codec<Tree, { readonly Interval: string; readonly Children: ReadonlyArray<unknown> }> = Schema
      .Struct({
        Children: Schema.Array(Schema.suspend(() => Tree)),
        Interval: DataContract.duration
      }) as never
    expect(Effect.runSync(jsonOf(Tree)({ Interval: Duration.seconds(1), Children: [] }))).toStrictEqual({
      Children: [],
      Interval: "PT1S"
    })
  })
})
