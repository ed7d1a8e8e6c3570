/**
 * The XSD simple types the codec knows, as annotations: used for the schemas of `Xsd` and for plain
 * `Schema.String`, `Schema.Boolean`, `Schema.Number` and string literals without an annotation.
 */
import type { SimpleTypeAnnotation } from "./annotations.js"
import * as lexical from "./lexical.js"

const XS = "http://www.w3.org/2001/XMLSchema"

/** `xs:string`. */
export const stringType: SimpleTypeAnnotation<string> = {
  name: { namespace: XS, name: "string" },
  parse: lexical.parseString,
  format: lexical.formatString,
  default: "",
  identity: true
}

/** `xs:boolean`. */
export const booleanType: SimpleTypeAnnotation<boolean> = {
  name: { namespace: XS, name: "boolean" },
  parse: lexical.parseBoolean,
  format: lexical.formatBoolean,
  default: false
}

/** `xs:double`. */
export const doubleType: SimpleTypeAnnotation<number> = {
  name: { namespace: XS, name: "double" },
  parse: lexical.parseDouble,
  format: lexical.formatDouble,
  default: 0
}

/** An XSD integer type bounded by `min` and `max`, e.g. `xs:int`. */
export const integerType = (name: string, min: number, max: number): SimpleTypeAnnotation<number> => ({
  name: { namespace: XS, name },
  parse: lexical.parseBoundedInteger(`xs:${name}`, min, max),
  format: lexical.formatBoundedInteger(`xs:${name}`, min, max),
  default: 0
})

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
