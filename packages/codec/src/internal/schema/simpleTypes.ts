/**
 * The XSD simple types the codec knows, as annotations: used for the schemas of `Xsd` and for plain
 * `Schema.String`, `Schema.Boolean`, `Schema.Number` and string literals without an annotation.
 */
import { bigIntegerForm, booleanForm, decimalForm, doubleForm, integerForm } from "../json/forms.js"
import { XS } from "../namespaces.js"
import type { SimpleTypeAnnotation } from "./annotations.js"
import * as base64 from "./base64.js"
import * as lexical from "./lexical.js"

/** `xs:string`. */
export const stringType: SimpleTypeAnnotation<string> = {
  name: { namespace: XS, name: "string" },
  parse: lexical.parseString,
  format: lexical.formatString,
  default: "",
  // Stryker disable next-line BooleanLiteral: a fast path; parseString gives the same text
  identity: true
}

/** `xs:boolean`. */
export const booleanType: SimpleTypeAnnotation<boolean> = {
  name: { namespace: XS, name: "boolean" },
  parse: lexical.parseBoolean,
  format: lexical.formatBoolean,
  default: false,
  json: booleanForm
}

/** `xs:double`. */
export const doubleType: SimpleTypeAnnotation<number> = {
  name: { namespace: XS, name: "double" },
  parse: lexical.parseDouble,
  format: lexical.formatDouble,
  default: 0,
  json: doubleForm(lexical.parseDouble, lexical.formatDouble)
}

/** An XSD integer type bounded by `min` and `max`, e.g. `xs:int`. */
export const integerType = (name: string, min: number, max: number): SimpleTypeAnnotation<number> => {
  const parse = lexical.parseBoundedInteger(`xs:${name}`, min, max)
  const format = lexical.formatBoundedInteger(`xs:${name}`, min, max)
  return { name: { namespace: XS, name }, parse, format, default: 0, json: integerForm(parse, format, { min, max }) }
}

/** An enumeration of strings, the simple type `name` of `namespace`; absent, it is the first value. */
export const enumerationType = <A extends string>(
  values: readonly [A, ...Array<A>],
  name: string,
  namespace: string
): SimpleTypeAnnotation<A> => ({
  name: { namespace, name },
  parse: lexical.parseEnumeration(name, values) as (text: string) => ReturnType<SimpleTypeAnnotation<A>["parse"]>,
  format: lexical.formatEnumeration(name, values),
  default: values[0]
})

/** An XSD integer type wider than a JavaScript number holds exactly, read as a `bigint` (`xs:long`). */
export const bigIntegerType = (name: string, min: bigint, max: bigint): SimpleTypeAnnotation<bigint> => {
  const parse = lexical.parseBigInteger(`xs:${name}`, min, max)
  const format = lexical.formatBigInteger(`xs:${name}`, min, max)
  return { name: { namespace: XS, name }, parse, format, default: 0n, json: bigIntegerForm(parse, format) }
}

/** `xs:float`. */
export const floatType: SimpleTypeAnnotation<number> = {
  name: { namespace: XS, name: "float" },
  parse: lexical.parseFloat,
  format: lexical.formatFloat,
  default: 0,
  json: doubleForm(lexical.parseFloat, lexical.formatFloat)
}

/** `xs:decimal`, kept as its lexical form. */
export const decimalType: SimpleTypeAnnotation<string> = {
  name: { namespace: XS, name: "decimal" },
  parse: lexical.parseDecimal,
  format: lexical.formatDecimal,
  default: "0",
  json: decimalForm(lexical.parseDecimal, lexical.formatDecimal)
}

/** `xs:base64Binary`. */
export const base64BinaryType: SimpleTypeAnnotation<Uint8Array> = {
  name: { namespace: XS, name: "base64Binary" },
  parse: base64.parseBase64Binary,
  format: base64.formatBase64Binary,
  default: new Uint8Array(0)
}

/** `xs:anyURI`: any text, whitespace collapsed. */
export const anyURIType: SimpleTypeAnnotation<string> = {
  name: { namespace: XS, name: "anyURI" },
  parse: lexical.parseCollapsed,
  format: lexical.formatCollapsed("xs:anyURI"),
  default: ""
}
