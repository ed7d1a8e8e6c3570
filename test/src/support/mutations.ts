/**
 * Mutation fuzzing of real envelopes: the vendor examples and arbitrary encoded messages, with byte
 * flips, truncations, duplicated, deleted and swapped elements, injected DOCTYPEs, junk and deep nesting,
 * fed in random chunks. Every case must end in a value the schema accepts or in a typed error.
 */
import { XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { Variants } from "@erpsync/conformance"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { type Example, examples } from "./messages.js"
import { readReference } from "./reference.js"

const utf8 = new TextEncoder()

export type Mutation =
  | { readonly kind: "flip"; readonly at: number; readonly mask: number }
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "duplicate"; readonly from: number; readonly length: number; readonly to: number }
  | { readonly kind: "delete"; readonly from: number; readonly length: number }
  | { readonly kind: "swapElements"; readonly a: number; readonly b: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "nest"; readonly at: number; readonly depth: number }

const INJECTIONS = [
  `<!DOCTYPE x [<!ENTITY a "${"a".repeat(100)}"><!ENTITY b "&a;&a;&a;&a;">]>`,
  `<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">`,
  `<?pi data?>`,
  `&lol;`,
  `&#0;`,
  `&#xD800;`,
  `\uFEFF`,
  `<![CDATA[x]]>`,
  `<!-- c -->`,
  `xmlns:q="urn:q"`,
  ` i:nil="true" `,
  `<__proto__><polluted>1</polluted></__proto__>`,
  `<q:x/>`,
  `</a>`,
  `\r\n`,
  `\u0000`
]

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
    to: fc.nat()
  }),
  fc.record({ kind: fc.constant("delete" as const), from: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("swapElements" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...INJECTIONS), fc.string())
  }),
  fc.record({
    kind: fc.constant("nest" as const),
    at: fc.nat(),
    depth: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 200 }) }, {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 100_000 })
    })
  })
)

const concat = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** The byte ranges of complete elements `<x ...>...</x>` or `<x/>` (found by a simple scan). */
const elementRanges = (bytes: Uint8Array): Array<readonly [number, number]> => {
  const text = new TextDecoder().decode(bytes)
  if (text.length !== bytes.length) return [] // not ASCII: skip element-level mutations
  const ranges: Array<readonly [number, number]> = []
  const re = /<([A-Za-z_][\w.:-]*)[^<>]*?(\/>|>[^<]*<\/\1>)/g
  for (let m = re.exec(text); m !== null; m = re.exec(text)) ranges.push([m.index, m.index + m[0].length])
  return ranges
}

export const applyMutation = (bytes: Uint8Array, m: Mutation): Uint8Array => {
  const n = bytes.length
  switch (m.kind) {
    case "flip": {
      if (n === 0) return bytes
      const out = bytes.slice()
      out[m.at % n]! ^= m.mask
      return out
    }
    case "truncate":
      return bytes.subarray(0, m.at % (n + 1))
    case "duplicate": {
      const from = m.from % (n + 1)
      const slice = bytes.subarray(from, from + m.length)
      const to = m.to % (n + 1)
      return concat(bytes.subarray(0, to), slice, bytes.subarray(to))
    }
    case "delete": {
      const from = m.from % (n + 1)
      return concat(bytes.subarray(0, from), bytes.subarray(from + m.length))
    }
    case "swapElements": {
      const ranges = elementRanges(bytes)
      if (ranges.length < 2) return bytes
      let [a, b] = [ranges[m.a % ranges.length]!, ranges[m.b % ranges.length]!]
      if (a[0] > b[0]) [a, b] = [b, a]
      if (a[1] > b[0]) return bytes // overlapping
      return concat(
        bytes.subarray(0, a[0]),
        bytes.subarray(b[0], b[1]),
        bytes.subarray(a[1], b[0]),
        bytes.subarray(a[0], a[1]),
        bytes.subarray(b[1])
      )
    }
    case "insert": {
      const at = m.at % (n + 1)
      return concat(bytes.subarray(0, at), utf8.encode(m.text), bytes.subarray(at))
    }
    case "nest": {
      const gt: Array<number> = []
      for (let i = 0; i < n; i++) if (bytes[i] === 0x3e) gt.push(i)
      const at = gt.length === 0 ? 0 : gt[m.at % gt.length]! + 1
      return concat(
        bytes.subarray(0, at),
        utf8.encode("<n>".repeat(m.depth) + "</n>".repeat(m.depth)),
        bytes.subarray(at)
      )
    }
  }
}

/** Where a case starts from: a vendor example or an encoded arbitrary message of the example's message. */
const base = ({ file, message: { schema } }: Example): fc.Arbitrary<Uint8Array> => {
  const example = utf8.encode(readReference(`examples/${file}`))
  const encoded = Arbitrary.make(schema).map((value) =>
    utf8.encode(Result.getOrThrow(XmlCodec.encodeResult(schema)(value)))
  )
  return fc.oneof(fc.constant(example), encoded)
}

export interface FuzzCase {
  readonly example: Example
  readonly input: Uint8Array
  readonly mutations: ReadonlyArray<Mutation>
  readonly cuts: ReadonlyArray<number>
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.constantFrom(...examples).chain((example) =>
  fc.record({
    example: fc.constant(example),
    input: base(example),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    cuts: fc.array(fc.nat(), { maxLength: 8 })
  })
)

const TYPED = new Set(["XmlParseError", "XmlLimitError", "SoapEnvelopeError", "XmlDecodeError", "SoapFault"])

export interface Outcome {
  /** `value`, or the tag of the typed error. */
  readonly outcome: string
  /** Set when the case broke the contract: an untyped throw, a value the schema rejects, a polluted prototype. */
  readonly violation?: string
}

const prototypeSnapshot = () => Object.getOwnPropertyNames(Object.prototype).join(",")
const cleanPrototype = prototypeSnapshot()

/** Decodes one case, fed in chunks, and judges the outcome. */
export const runCase = (c: FuzzCase): Outcome => {
  const schema = c.example.message.schema
  const bytes = c.mutations.reduce(applyMutation, c.input)
  let outcome: string
  try {
    const decoder = XmlCodec.makeDecoder(schema)
    let result: Result.Result<unknown, { readonly _tag: string }> = Result.succeed(undefined)
    for (const chunk of Variants.cut(bytes, c.cuts)) {
      result = decoder.write(chunk)
      if (Result.isFailure(result)) break
    }
    if (Result.isSuccess(result)) result = decoder.end().pipe(Result.map((d) => d.value))
    if (Result.isFailure(result)) {
      outcome = result.failure._tag
      if (!TYPED.has(outcome) || !(result.failure instanceof Error)) {
        return { outcome, violation: `untyped error ${String(result.failure)}` }
      }
    } else {
      outcome = "value"
      if (!Schema.is(schema)(result.success)) return { outcome, violation: "a decoded value the schema rejects" }
    }
  } catch (e) {
    return { outcome: "throw", violation: `threw ${e instanceof Error ? e.stack : String(e)}` }
  }
  if (prototypeSnapshot() !== cleanPrototype || ({} as Record<string, unknown>).polluted !== undefined) {
    return { outcome, violation: "Object.prototype changed" }
  }
  return { outcome }
}
