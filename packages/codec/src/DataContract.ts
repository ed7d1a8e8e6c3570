/**
 * The types of .NET's data contract serialization (WCF's `DataContractSerializer`), which every WCF
 * service's WSDL refers to: the simple types of its Serialization schema (`duration`, `guid`, `char`) and
 * its dictionaries (`IsDictionary` collections of key/value pairs).
 *
 * @since 0.2.0
 */
import * as Duration from "effect/Duration"
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import type * as FastCheck from "fast-check"
import { arbitraryOf } from "./internal/ast/arbitrary.js"
import { fromText } from "./internal/ast/textForm.js"
import { charForm, timeSpanForm } from "./internal/json/forms.js"
import { DictionaryAnnotationId } from "./internal/schema/annotations.js"
import { firstRepeatedKey } from "./internal/schema/duplicates.js"
import * as lexical from "./internal/schema/lexical.js"
import { formatDuration, fromTicks, MAX_TICKS, parseDuration } from "./internal/schema/timeSpan.js"
import * as Xml from "./Xml.js"
import * as Xsd from "./Xsd.js"

/**
 * The namespace of the Serialization schema (`ser:duration`, `ser:guid`, `ser:char`).
 *
 * @since 0.2.0
 * @category namespaces
 */
export const Serialization = "http://schemas.microsoft.com/2003/10/Serialization/" as const

/**
 * The namespace of .NET's collection contracts (`ArrayOfint`, `ArrayOfstring`).
 *
 * @since 0.2.0
 * @category namespaces
 */
export const Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays" as const

const durationText = fromText(Schema.Duration, { parse: parseDuration, format: formatDuration })

/**
 * `ser:duration`, a .NET `TimeSpan`, as an Effect `Duration`: an `xs:duration` of days, hours, minutes
 * and seconds (no years or months), whole 100 ns ticks, at most `P10675199DT2H48M5.4775807S`. A negative
 * `TimeSpan` has no `Duration` and is refused; a `Duration` finer than a tick or beyond the range is refused
 * when written. Written canonically, as .NET writes it (`PT0S`, `PT5M`, `P1DT2H0.5S`); its JSON form is
 * that text. An absent element is zero.
 *
 * @since 0.2.0
 * @category simple types
 */
export const duration: Xml.Type<Duration.Duration, string> = durationText.annotate({
  ...Xsd.simpleType({
    name: "duration",
    namespace: Serialization,
    parse: parseDuration,
    format: formatDuration,
    default: Duration.zero,
    json: timeSpanForm
  }, durationText),
  ...Xsd.arbitrary((fc) =>
    fc.oneof(
      fc.bigInt({ min: 0n, max: MAX_TICKS }),
      // whole seconds, minutes and days, as intervals usually are
      fc.bigInt({ min: 0n, max: 10_000_000n }).map((n) => n * 10_000_000n),
      fc.constantFrom(0n, 1n, MAX_TICKS)
    ).map(fromTicks)
  ),
  description: "a TimeSpan, as its XML text (\"PT5M\", \"P1DT2H\")"
})

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/**
 * `ser:guid`: a GUID in its 8-4-4-4-12 hexadecimal form, kept as written (either case). As a restriction
 * of `xs:string` it is not trimmed. An absent element is the empty GUID.
 *
 * @since 0.2.0
 * @category simple types
 */
export const guid: Xml.Type<string> = Schema.String.check(Schema.isPattern(GUID)).annotate({
  ...Xsd.simpleType({
    name: "guid",
    namespace: Serialization,
    parse: (text) =>
      GUID.test(text)
        ? { ok: true, value: lexical.detach(text) }
        : { ok: false, message: `${JSON.stringify(text)} is not a valid guid` },
    format: (value) =>
      typeof value === "string" && GUID.test(value)
        ? { ok: true, value }
        : { ok: false, message: `${JSON.stringify(value)} is not a valid guid` },
    default: "00000000-0000-0000-0000-000000000000"
  }),
  description: "a GUID (\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\")"
})

const readCodeUnit = lexical.parseBoundedInteger("ser:char", 0, 65535)

const codeUnit = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 65535 })).pipe(
  Schema.decodeTo(
    Schema.String.check(Schema.isBetweenLength(1, 1)),
    SchemaTransformation.transform({
      decode: (code: number) => String.fromCharCode(code),
      encode: (unit: string) => unit.charCodeAt(0)
    })
  )
)

/**
 * `ser:char`, a .NET `char`, as a string of one UTF-16 code unit: on the wire its number (an `xs:int`
 * from 0 to 65535), so that any code unit, even one XML text cannot carry, goes through. Its JSON form is
 * the number. An absent element is U+0000.
 *
 * @since 0.2.0
 * @category simple types
 */
export const char: Xml.Type<string, number> = codeUnit.annotate({
  ...Xsd.simpleType<string>({
    name: "char",
    namespace: Serialization,
    parse: (text) => {
      const code = readCodeUnit(text)
      return code.ok ? { ok: true, value: String.fromCharCode(code.value) } : code
    },
    format: (value) =>
      typeof value === "string" && value.length === 1
        ? { ok: true, value: String(value.charCodeAt(0)) }
        : { ok: false, message: `${JSON.stringify(value)} is not one UTF-16 code unit` },
    default: "\u0000",
    json: charForm
  }, codeUnit),
  // Stryker disable next-line ObjectLiteral: fromCharCode takes any integer modulo 2^16, as uniformly
  ...Xsd.arbitrary((fc) => fc.integer({ min: 0, max: 65535 }).map((code) => String.fromCharCode(code))),
  description: "one UTF-16 code unit, as its number (0 to 65535)"
})

/** A key as text, the same for equal keys: a string, number, bigint or struct (by its members). */
const keyText = (key: unknown): string =>
  JSON.stringify(key, (_, v: unknown) => typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? [...v] : v) ??
    String(key)

/** The pairs of a dictionary, in order. */
type Pairs<K, V> = ReadonlyArray<{ readonly Key: K; readonly Value: V | null }>

/**
 * A dictionary contract (`IsDictionary` = true in the WSDL): the complex type `name` of `namespace`, a
 * sequence of `pairName` elements each holding a nillable `Key` then a nillable `Value` (both required).
 * As an array of `{ Key, Value }` pairs: order is kept, any key is accepted (`__proto__` included), and a
 * key that appears twice is refused on decoding and on encoding, as the .NET dictionary refuses it.
 *
 * @since 0.2.0
 * @category collections
 */
export const dictionary = <V, I, K = string | null, KI = string | null>(options: {
  /** The complex type's name, e.g. `StringDictionary`. */
  readonly name: string
  /** The schema's target namespace. */
  readonly namespace: string
  /** The element of each pair, e.g. `StringKeyValuePair`. */
  readonly pair: string
  /** The type of `Value`, nillable. */
  readonly value: Schema.Codec<V, I>
  /** The type of `Key`. Default: a nillable `xs:string`. */
  readonly key?: Schema.Codec<K, KI>
}): Xml.Type<Pairs<K, V>, Pairs<KI, I>> => {
  const key = options.key ?? (Schema.NullOr(Xsd.string) as unknown as Schema.Codec<K, KI>)
  const Pair = Schema.Struct({ Key: key, Value: Schema.NullOr(options.value) }).annotate(
    Xml.complexType(options.pair, options.namespace)
  )
  const pairs = Schema.Array(Pair).annotate({
    ...Xml.items(options.pair, options.namespace),
    ...Xml.complexType(options.name, options.namespace),
    // In JSON, a dictionary is an object of its keys.
    [DictionaryAnnotationId]: true
  }).check(
    Schema.makeFilter((pairs: ReadonlyArray<{ readonly Key: unknown }>) => {
      // An item that is no pair is refused where it is, as the item it is (encoding a value built by hand).
      if (!pairs.every((pair: unknown) => typeof pair === "object" && pair !== null)) return true
      // String keys (and null), the usual ones, in a table of their own; other primitive keys (numbers,
      // bigints) compare as themselves, in one Set; a struct key by the text of its members, in another.
      const repeated = firstRepeatedKey(pairs)
      if (repeated !== undefined) {
        return repeated === -1 ? true : `duplicate key ${keyText(pairs[repeated]!.Key)} at item ${repeated + 1}`
      }
      const keys = new Set<unknown>()
      const structs = new Set<string>()
      for (let i = 0; i < pairs.length; i++) {
        const key: unknown = pairs[i]!.Key
        // Stryker disable next-line ConditionalExpression,LogicalOperator: a primitive key's text is as unique as the key
        const seen = typeof key === "object" && key !== null ? structs : keys
        const size = seen.size
        // Stryker disable next-line ConditionalExpression: as above
        seen.add(seen === structs ? keyText(key) : key)
        if (seen.size === size) return `duplicate key ${keyText(key)} at item ${i + 1}`
      }
      return true
    }, {
      identifier: options.name,
      ...Xsd.arbitrary((fc) =>
        // Stryker disable next-line ObjectLiteral: without the selector, the check drops a repeated key, at the cost of more draws
        fc.uniqueArray(arbitraryOf(Pair.ast, fc) as FastCheck.Arbitrary<{ readonly Key: unknown }>, {
          selector: (pair) => keyText(pair.Key),
          maxLength: 6
        })
      )
    })
  )
  // Its parts are schemas of K, V and their encoded forms: so is the whole.
  return pairs as unknown as Xml.Type<Pairs<K, V>, Pairs<KI, I>>
}
