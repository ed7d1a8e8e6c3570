/**
 * XSD simple types as Effect Schemas, with their exact lexical rules: `xs:int` is a 32-bit integer,
 * `xs:boolean` is `true|false|1|0`, `xs:string` is never trimmed.
 *
 * @since 0.1.0
 */
import type * as FastCheck from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { type SimpleTypeAnnotation, SimpleTypeAnnotationId } from "./internal/annotations.js"
import * as lexical from "./internal/lexical.js"
import * as simpleTypes from "./internal/simpleTypes.js"

const XS = "http://www.w3.org/2001/XMLSchema"

const annotate = <A>(type: SimpleTypeAnnotation<A>) => ({ [SimpleTypeAnnotationId]: type })

/**
 * Characters that test the escaping and the line-end handling of XML text, mixed into generated strings.
 */
const TRICKY = ["&", "<", ">", "\"", "'", "]]>", "\r", "\n", "\r\n", "\t", " ", "é", "ø", "€", "😀", "\u2028", "\uFFFD"]

/** XML 1.0 `Char`, for generated strings: no C0 controls but tab, LF, CR; no U+FFFE, U+FFFF, no lone surrogates. */
const isXmlCharacter = (c: string): boolean => !/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(c)

const xmlStringArbitrary = (fc: Pick<typeof FastCheck, "array" | "oneof" | "char" | "constantFrom" | "fullUnicode">) =>
  fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.char() },
      { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
      { weight: 1, arbitrary: fc.fullUnicode().filter(isXmlCharacter) }
    ),
    { maxLength: 12 }
  ).map((parts) => parts.join(""))

/**
 * `xs:string`: any text, kept exactly (never trimmed). Generated values include markup characters,
 * CR, LF, tabs and characters outside the BMP.
 *
 * @since 0.1.0
 * @category simple types
 */
export const string: Schema.Schema<string> = Schema.String.annotations({
  ...annotate(simpleTypes.stringType),
  identifier: "xs:string",
  arbitrary: () => (fc) => xmlStringArbitrary(fc)
})

const INT_MIN = -2147483648
const INT_MAX = 2147483647

/**
 * `xs:int`: a 32-bit signed integer. Leading `+`, leading zeros and surrounding whitespace are accepted;
 * exponents, fractions, empty text and values out of range are not.
 *
 * @since 0.1.0
 * @category simple types
 */
export const int: Schema.Schema<number> = Schema.Int.pipe(Schema.between(INT_MIN, INT_MAX)).annotations({
  ...annotate(simpleTypes.integerType("int", INT_MIN, INT_MAX)),
  identifier: "xs:int"
})

/**
 * `xs:boolean`: `true`, `false`, `1` or `0`, surrounding whitespace allowed; written as `true` or `false`.
 *
 * @since 0.1.0
 * @category simple types
 */
export const boolean: Schema.Schema<boolean> = Schema.Boolean.annotations({
  ...annotate(simpleTypes.booleanType),
  identifier: "xs:boolean"
})

/**
 * `xs:double`, including `INF`, `-INF` and `NaN`.
 *
 * @since 0.1.0
 * @category simple types
 */
export const double: Schema.Schema<number> = Schema.Number.annotations({
  ...annotate(simpleTypes.doubleType),
  identifier: "xs:double"
})

/**
 * An `xs:list` of an enumeration (e.g. a .NET `[Flags]` enum): tokens separated by whitespace.
 * `name` is the XSD type's name, `namespace` its target namespace.
 *
 * @since 0.1.0
 * @category simple types
 */
export const list = <const Literals extends readonly [string, ...Array<string>]>(
  values: Literals,
  name: string,
  namespace: string
): Schema.Schema<ReadonlyArray<Literals[number]>> =>
  Schema.Array(Schema.Literal(...values)).annotations({
    ...annotate<ReadonlyArray<string>>({
      name: { namespace, name },
      parse: lexical.parseList(lexical.parseEnumeration(name, values)),
      format: lexical.formatList(lexical.formatEnumeration(name, values)),
      default: []
    }),
    identifier: name
  })

const DATE_TIME =
  /^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?$/

/**
 * `xs:dateTime`, kept as its lexical form (whitespace collapsed, then checked): no precision or time
 * zone is lost on the way through. An absent element is `0001-01-01T00:00:00`, .NET's `DateTime.MinValue`.
 *
 * @since 0.1.0
 * @category simple types
 */
export const dateTime: Schema.Schema<string> = Schema.String.pipe(Schema.pattern(DATE_TIME)).annotations({
  ...annotate<string>({
    name: { namespace: XS, name: "dateTime" },
    parse: (text) => {
      const collapsed = lexical.collapse(text)
      return DATE_TIME.test(collapsed)
        ? { ok: true, value: collapsed }
        : { ok: false, message: `${JSON.stringify(text)} is not a valid xs:dateTime` }
    },
    format: (value) =>
      typeof value === "string" && DATE_TIME.test(value)
        ? { ok: true, value }
        : { ok: false, message: `${JSON.stringify(value)} is not a valid xs:dateTime` },
    default: "0001-01-01T00:00:00"
  }),
  identifier: "xs:dateTime",
  arbitrary: () => (fc) =>
    fc.tuple(
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
      fc.constantFrom("", ".5", ".1234567"),
      fc.constantFrom("", "Z", "+01:00", "-05:30")
    ).map(([y, mo, d, h, mi, s, fraction, zone]) => {
      const two = (n: number) => String(n).padStart(2, "0")
      return `${String(y).padStart(4, "0")}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${fraction}${zone}`
    })
})

/**
 * An enumeration of strings (a .NET enum): the XSD simple type `name` of `namespace`, read after
 * whitespace collapsing. An absent element is the first value, .NET's zero.
 *
 * @since 0.1.0
 * @category simple types
 */
export const enumeration = <const Literals extends readonly [string, ...Array<string>]>(
  values: Literals,
  name: string,
  namespace: string
): Schema.Schema<Literals[number]> =>
  Schema.Literal(...values).annotations({
    ...annotate(simpleTypes.enumerationType(values, name, namespace)),
    identifier: name
  })
