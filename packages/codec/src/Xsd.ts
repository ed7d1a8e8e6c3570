/**
 * XSD simple types as Effect Schemas, with their exact lexical rules: `xs:int` is a 32-bit integer,
 * `xs:boolean` is `true|false|1|0`, `xs:string` is never trimmed; and `simpleType`, to declare a simple
 * type of one's own.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { dateTimeArbitrary, xmlStringArbitrary } from "./internal/ast/arbitraries.js"
import { fromText } from "./internal/ast/textForm.js"
import { flagsForm } from "./internal/json/forms.js"
import { XS } from "./internal/namespaces.js"
import {
  type ArbitraryAnnotation,
  ArbitraryAnnotationId,
  type JsonForm,
  type LexicalResult,
  type SimpleTypeAnnotation,
  SimpleTypeAnnotationId
} from "./internal/schema/annotations.js"
import * as lexical from "./internal/schema/lexical.js"
import * as simpleTypes from "./internal/schema/simpleTypes.js"
import type * as Xml from "./Xml.js"

/** The transformation of the last link of `schema`'s encoding, which a simple type of it reads through. */
const lastTransformation = (schema: Schema.Top): unknown =>
  schema.ast.encoding === undefined ? undefined : schema.ast.encoding[schema.ast.encoding.length - 1]!.transformation

const annotate = <A>(type: SimpleTypeAnnotation<A>, schema?: Schema.Top) => ({
  [SimpleTypeAnnotationId]: schema === undefined ? type : { ...type, reads: lastTransformation(schema) }
})

/**
 * An annotation that says how to generate values of a schema for property tests (`@erpsync/codec/Arbitrary`),
 * where what its type and checks say would not do: a declared type, text XML can carry, a simple type's
 * lexical space. Spread it into `.annotate(...)`; the values must pass the schema's checks.
 *
 * @since 1.0.0
 * @category simple types
 */
export const arbitrary = <A>(
  make: ArbitraryAnnotation<A>
): { readonly [ArbitraryAnnotationId]: ArbitraryAnnotation<A> } => ({ [ArbitraryAnnotationId]: make })

/**
 * A simple type: its XSD name, how its text is read and written, and the value of an absent
 * `minOccurs="0"` element.
 *
 * @since 0.2.0
 * @category simple types
 */
export interface SimpleType<A> {
  /** The type's name in its schema, e.g. `duration`. */
  readonly name: string
  /** The schema's target namespace. */
  readonly namespace: string
  /** Reads an element's text, exactly as the parser delivered it (never trimmed before this call). */
  readonly parse: (text: string) => LexicalResult<A>
  /** Writes a value as its canonical lexical form; fails for a value outside the type. */
  readonly format: (value: A) => LexicalResult<string>
  /** The value an absent `minOccurs="0"` element decodes to (.NET's default of the type). */
  readonly default: A
  /**
   * Its JSON form, as .NET's JSON serializer writes it for SuperOffice's REST WebAPI (`JsonCodec`).
   * Default: a JSON string of its lexical form.
   */
  readonly json?: JsonForm<A> | undefined
}

/**
 * Annotations that make a schema a simple type: the codec reads and writes its values as element text
 * with `parse` and `format`, and no longer looks inside it (the checks before the annotation are its to
 * meet). Spread them into `.annotate(...)`, with an `arbitrary` when the schema's own values do not stay
 * within the type. For a schema with an encoding (a `Schema.decodeTo`), pass the schema as `encoded`:
 * its text is then read by `parse` directly, as `Xsd.long`'s is, and the schema's encoded side is only
 * its JSON form. Without it, the annotation is the type side's, and the XML carries the encoded side, read
 * through the transformation; so a schema that goes on to be transformed (`Xsd.int.pipe(decodeTo(...))`)
 * is a transformation of its simple type.
 *
 * @since 0.2.0
 * @category simple types
 */
export const simpleType = <A>(
  type: SimpleType<A>,
  encoded?: Schema.Top
): { readonly [SimpleTypeAnnotationId]: SimpleTypeAnnotation<A>; readonly identifier: string } => ({
  ...annotate({
    name: { namespace: type.namespace, name: type.name },
    parse: type.parse,
    format: type.format,
    default: type.default,
    json: type.json
  }, encoded),
  identifier: type.name
})

/**
 * XML Schema's `whiteSpace="collapse"`: tabs, newlines and CRs become spaces, runs of spaces one, and
 * the ends are trimmed. What every simple type but `xs:string` does to its text before reading it.
 *
 * @since 0.2.0
 * @category simple types
 */
export const collapse: (text: string) => string = lexical.collapse

/**
 * `xs:string`: any text, kept exactly (never trimmed). Generated values include markup characters,
 * CR, LF, tabs and characters outside the BMP.
 *
 * @since 0.1.0
 * @category simple types
 */
export const string: Xml.Type<string> = Schema.String.annotate({
  ...annotate(simpleTypes.stringType),
  ...arbitrary(xmlStringArbitrary),
  identifier: "xs:string",
  description: "text"
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
export const int: Xml.Type<number> = Schema.Int.check(Schema.isBetween({ minimum: INT_MIN, maximum: INT_MAX }))
  .annotate({
    ...annotate(simpleTypes.integerType("int", INT_MIN, INT_MAX)),
    identifier: "xs:int",
    description: `a whole number from ${INT_MIN} to ${INT_MAX}`
  })

const integer = (name: string, min: number, max: number): Xml.Type<number> =>
  Schema.Int.check(Schema.isBetween({ minimum: min, maximum: max })).annotate({
    ...annotate(simpleTypes.integerType(name, min, max)),
    identifier: `xs:${name}`,
    description: `a whole number from ${min} to ${max}`
  })

/**
 * `xs:short`: a 16-bit signed integer, read as `xs:int` is.
 *
 * @since 0.2.0
 * @category simple types
 */
export const short: Xml.Type<number> = integer("short", -32768, 32767)

/**
 * `xs:byte`: an 8-bit signed integer (.NET's `sbyte`).
 *
 * @since 0.2.0
 * @category simple types
 */
export const byte: Xml.Type<number> = integer("byte", -128, 127)

/**
 * `xs:unsignedByte`: 0 to 255 (.NET's `byte`).
 *
 * @since 0.2.0
 * @category simple types
 */
export const unsignedByte: Xml.Type<number> = integer("unsignedByte", 0, 255)

/**
 * `xs:unsignedShort`: 0 to 65,535.
 *
 * @since 0.2.0
 * @category simple types
 */
export const unsignedShort: Xml.Type<number> = integer("unsignedShort", 0, 65535)

/**
 * `xs:unsignedInt`: 0 to 4,294,967,295.
 *
 * @since 0.2.0
 * @category simple types
 */
export const unsignedInt: Xml.Type<number> = integer("unsignedInt", 0, 4294967295)

const bigInteger = (name: string, min: bigint, max: bigint): Xml.Type<bigint, string> => {
  const type = simpleTypes.bigIntegerType(name, min, max)
  // The JSON form is read by the same rules as the XML text, not by `BigInt` (which takes `0x10`).
  const text = fromText(Schema.BigInt.check(Schema.isBetweenBigInt({ minimum: min, maximum: max })), type)
  return text.annotate({
    ...annotate(type, text),
    identifier: `xs:${name}`,
    description: `a whole number from ${min} to ${max}, as a JSON string`
  })
}

/**
 * `xs:long`: a 64-bit signed integer, as a `bigint` (a JavaScript number holds only 53 bits exactly).
 * Its JSON form (the schema's encoded side) is the decimal string.
 *
 * @since 0.2.0
 * @category simple types
 */
export const long: Xml.Type<bigint, string> = bigInteger("long", -(2n ** 63n), 2n ** 63n - 1n)

/**
 * `xs:unsignedLong`: 0 to 2⁶⁴ − 1, as a `bigint`; its JSON form is the decimal string.
 *
 * @since 0.2.0
 * @category simple types
 */
export const unsignedLong: Xml.Type<bigint, string> = bigInteger("unsignedLong", 0n, 2n ** 64n - 1n)

/**
 * `xs:float`: a 32-bit float. Text is rounded to the nearest one as it is read; a number that is not one
 * is refused when written, rather than rounded.
 *
 * @since 0.2.0
 * @category simple types
 */
export const float: Xml.Type<number> = Schema.Number.check(
  Schema.makeFilter((n: number) => Number.isNaN(n) || Object.is(Math.fround(n), n), { message: "not a 32-bit float" })
).annotate({
  ...annotate(simpleTypes.floatType),
  ...arbitrary((fc) => fc.float()),
  identifier: "xs:float",
  description: "a number a 32-bit float holds exactly"
})

const DECIMAL = lexical.DECIMAL

/**
 * `xs:decimal`, kept as its lexical form (whitespace collapsed, then checked): no digit is lost, as a
 * number would lose them. An absent element is `"0"`.
 *
 * @since 0.2.0
 * @category simple types
 */
export const decimal: Xml.Type<string> = Schema.String.check(Schema.isPattern(DECIMAL)).annotate({
  ...annotate(simpleTypes.decimalType),
  identifier: "xs:decimal",
  description: "a decimal number, as text (\"12.50\")"
})

/**
 * `xs:base64Binary`, as a `Uint8Array`. Reading ignores whitespace and is strict about the alphabet and
 * the padding; writing is canonical. Its JSON form is the base64 string.
 *
 * @since 0.2.0
 * @category simple types
 */
export const base64Binary: Xml.Type<Uint8Array, string> = Schema.Uint8ArrayFromBase64.annotate({
  ...annotate(simpleTypes.base64BinaryType, Schema.Uint8ArrayFromBase64),
  ...arbitrary((fc) => fc.uint8Array({ maxLength: 64 })),
  identifier: "xs:base64Binary",
  description: "bytes, as base64 text"
})

/**
 * `xs:anyURI`: the text with its whitespace collapsed (XML Schema 1.0 checks nothing more).
 *
 * @since 0.2.0
 * @category simple types
 */
export const anyURI: Xml.Type<string> = Schema.String.check(
  Schema.makeFilter((s: string) => lexical.collapse(s) === s, { message: "whitespace collapsing would change it" })
).annotate({
  ...annotate(simpleTypes.anyURIType),
  ...arbitrary((fc) => fc.webUrl()),
  identifier: "xs:anyURI",
  description: "a URI, without leading, trailing or repeated spaces"
})

/**
 * `xs:boolean`: `true`, `false`, `1` or `0`, surrounding whitespace allowed; written as `true` or `false`.
 *
 * @since 0.1.0
 * @category simple types
 */
export const boolean: Xml.Type<boolean> = Schema.Boolean.annotate({
  ...annotate(simpleTypes.booleanType),
  identifier: "xs:boolean",
  description: "true or false"
})

/**
 * `xs:double`, including `INF`, `-INF` and `NaN`.
 *
 * @since 0.1.0
 * @category simple types
 */
export const double: Xml.Type<number> = Schema.Number.annotate({
  ...annotate(simpleTypes.doubleType),
  identifier: "xs:double",
  description: "a number"
})

/**
 * The numbers behind a `[Flags]` enum's names, for the JSON form (.NET's JSON serializer reads a flags value
 * as a number, or as names, some of which the WSDL does not list).
 *
 * @since 0.2.0
 * @category simple types
 */
export interface FlagValues<Name extends string> {
  /**
   * The value of each name whose value is not the default: by Data Contract's rule the n-th name of a
   * flags enum is worth 2^n (the first 1), and the WSDL gives any other value as an `EnumerationValue`.
   */
  readonly values?: Readonly<Partial<Record<Name, number>>>
  /**
   * Names the .NET enum has beside the WSDL's, each standing for several flags or none (`FULL`, `None`):
   * the WebAPI may write them, and the JSON form reads them as the WSDL's names they stand for.
   */
  readonly aliases?: Readonly<Record<string, number>>
}

/**
 * An `xs:list` of an enumeration (e.g. a .NET `[Flags]` enum): tokens separated by whitespace.
 * `name` is the XSD type's name, `namespace` its target namespace. In JSON the names are joined by `", "`;
 * a number, or a name of `flags.aliases`, is read as the WSDL's names whose values make it up.
 *
 * @since 0.1.0
 * @category simple types
 */
export const list = <const Literals extends readonly [string, ...Array<string>]>(
  values: Literals,
  name: string,
  namespace: string,
  flags: FlagValues<Literals[number]> = {}
): Xml.Type<ReadonlyArray<Literals[number]>> =>
  Schema.Array(Schema.Literals(values)).annotate({
    ...annotate<ReadonlyArray<string>>({
      name: { namespace, name },
      parse: lexical.parseList(lexical.parseEnumeration(name, values)),
      format: lexical.formatList(lexical.formatEnumeration(name, values)),
      default: [],
      json: flagsForm(name, values, flags)
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
export const dateTime: Xml.Type<string> = Schema.String.check(Schema.isPattern(DATE_TIME)).annotate({
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
  ...arbitrary(dateTimeArbitrary),
  description: "a date and time, as text (\"2026-12-02T13:45:00\", with a time zone or not)"
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
): Xml.Type<Literals[number]> =>
  Schema.Literals(values).annotate({
    ...annotate(simpleTypes.enumerationType(values, name, namespace)),
    identifier: name
  })
