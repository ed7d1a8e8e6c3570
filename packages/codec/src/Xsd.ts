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
  ...annotate<string>({
    name: { namespace: XS, name: "string" },
    parse: lexical.parseString,
    format: lexical.formatString,
    default: "",
    identity: true
  }),
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
  ...annotate<number>({
    name: { namespace: XS, name: "int" },
    parse: lexical.parseBoundedInteger("xs:int", INT_MIN, INT_MAX),
    format: lexical.formatBoundedInteger("xs:int", INT_MIN, INT_MAX),
    default: 0
  }),
  identifier: "xs:int"
})

/**
 * `xs:boolean`: `true`, `false`, `1` or `0`, surrounding whitespace allowed; written as `true` or `false`.
 *
 * @since 0.1.0
 * @category simple types
 */
export const boolean: Schema.Schema<boolean> = Schema.Boolean.annotations({
  ...annotate<boolean>({
    name: { namespace: XS, name: "boolean" },
    parse: lexical.parseBoolean,
    format: lexical.formatBoolean,
    default: false
  }),
  identifier: "xs:boolean"
})

/**
 * `xs:double`, including `INF`, `-INF` and `NaN`.
 *
 * @since 0.1.0
 * @category simple types
 */
export const double: Schema.Schema<number> = Schema.Number.annotations({
  ...annotate<number>({
    name: { namespace: XS, name: "double" },
    parse: lexical.parseDouble,
    format: lexical.formatDouble,
    default: 0
  }),
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
