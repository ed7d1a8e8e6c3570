/**
 * The codec's decoder against the reference decoder (`support/referenceDecoder.ts`, the decoder as it
 * was before it was made fast): on every message's generated documents, and on those documents and the
 * vendor's examples mutated, both give the same value or the same error (tag, reason, detail, path and
 * line:column). A faster decoder that accepts one document more or one fewer fails here.
 */
import { XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { Variants } from "@erpsync/conformance"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { planRoot } from "../../packages/codec/src/internal/ast/plan.js"
import { resolveLimits } from "../../packages/codec/src/internal/decode/limits.js"
import { messages } from "./support/messages.js"
import { applyMutation, fuzzCase, mutation } from "./support/mutations.js"
import { ReferenceDecoder, ReferenceFailure } from "./support/referenceDecoder.js"

const RUNS = Number(process.env["ERPSYNC_DIFFERENTIAL_RUNS"] ?? 40)
const utf8 = new TextEncoder()

/** A result as both decoders give it: the value, or the error's own fields. */
const outcome = (result: Result.Result<unknown, unknown>): unknown =>
  Result.isSuccess(result) ? { value: result.success } : { error: { ...(result.failure as object) } }

const referenceDecode = (schema: Schema.Codec<unknown, unknown>) => {
  const plan = planRoot(schema.ast)
  const limits = resolveLimits(undefined)
  return (text: string): Result.Result<unknown, unknown> => {
    try {
      const decoder = new ReferenceDecoder(plan, limits)
      decoder.write(text)
      return Result.succeed(decoder.end().value)
    } catch (e) {
      if (e instanceof ReferenceFailure) return Result.fail(e.error)
      throw e
    }
  }
}

/** Both decoders on the same text: the same outcome. */
const agree = (schema: Schema.Codec<unknown, unknown>) => {
  const ours = XmlCodec.decodeResult(schema)
  const reference = referenceDecode(schema)
  return (text: string): void => {
    expect(outcome(ours(text))).toEqual(outcome(reference(text)))
  }
}

/** Bytes as the text both decoders read, or `undefined` when they are not UTF-8. */
const textOf = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Other lexical forms of the same text, valid or not: both decoders must read them alike. */
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/>true</g, ">1<"],
  [/>false</g, "> 0 <"],
  [/nil="true"/g, "nil=\"1\""],
  [/nil="true"/g, "nil=\" true \""],
  [/>(-?\d+)</g, "> $1\n<"],
  [/>(\d+)</g, ">+$1<"],
  [/>(\d+)</g, ">0$1<"],
  [/(<\/?)s:/g, "$1S:"],
  [/xmlns:i=/g, "xmlns:xsi="]
]
const rewrite = fc.subarray([...REWRITES.keys()]).map((chosen) => (text: string) =>
  chosen.reduce((t, i) => t.replace(REWRITES[i]![0], REWRITES[i]![1]), text)
)

describe.each(messages.map((m) => [m.label, m] as const))("%s", (_, { schema }) => {
  const check = agree(schema)
  const encode = XmlCodec.encodeResult(schema)
  const document = Arbitrary.make(schema).map((value) => Result.getOrThrow(encode(value)))

  it("the same value for every generated document", () => {
    fc.assert(fc.property(document, check), { numRuns: RUNS })
  })

  it("the same value for the document written in any style, or any lexical form", () => {
    const style = Variants.styles(Variants.namespacesOf(schema))
    fc.assert(
      fc.property(document, style, rewrite, (xml, style, rewrite) => {
        check(rewrite(Variants.writeTree(Variants.parseTree(xml), style)))
      }),
      { numRuns: RUNS }
    )
  })

  it("the same value or error for every mutated document", () => {
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 3 }), (xml, mutations) => {
        const text = textOf(mutations.reduce(applyMutation, utf8.encode(xml)))
        if (text !== undefined) check(text)
      }),
      { numRuns: RUNS }
    )
  })
})

it("the same value or error for every mutated vendor example", () => {
  fc.assert(
    fc.property(fuzzCase, (c) => {
      const text = textOf(c.mutations.reduce(applyMutation, c.input))
      if (text !== undefined) agree(c.example.message.schema)(text)
    }),
    { numRuns: RUNS * 25 }
  )
})
