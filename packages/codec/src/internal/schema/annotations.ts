/**
 * The annotations the codec reads from a schema: their keys and what each holds. `ast/annotations.ts`
 * reads them.
 */
import type * as FastCheck from "fast-check"

/** Where an element lives: its local name and namespace URI. */
export interface QName {
  readonly namespace: string
  readonly name: string
}

/** Annotation on a property signature: the element that carries the member. */
export interface ElementAnnotation {
  readonly name?: string
  readonly namespace?: string
  readonly minOccurs?: 0 | 1
  readonly default?: () => unknown
}

/** Annotation on a struct: the XSD complex type it stands for, and the namespace of its members. */
export interface ComplexTypeAnnotation {
  readonly name: string
  readonly namespace: string
}

/** Annotation on an array: the element each item is written as (`xs:sequence` with `maxOccurs="unbounded"`). */
export interface ItemsAnnotation {
  readonly name: string
  readonly namespace: string
}

/** The result of reading a lexical form: the value, or why the text is not one. */
export type LexicalResult<A> = { readonly ok: true; readonly value: A } | {
  readonly ok: false
  readonly message: string
}

/**
 * A JSON number as its text, for one that a double does not hold exactly (an integer beyond 2^53): what
 * the JSON reader gives in its place, so that `xs:long` keeps every digit.
 */
export class JsonNumberText {
  constructor(readonly text: string) {}
}

/**
 * How a simple type's values are written in JSON, as .NET's JSON serializer writes them for SuperOffice's
 * REST WebAPI: `read` takes the value the JSON reader gave (a string, a number or `JsonNumberText`, a
 * boolean), `write` gives JSON text.
 */
export interface JsonForm<A> {
  readonly read: (json: unknown) => LexicalResult<A>
  readonly write: (value: A) => LexicalResult<string>
}

/** Annotation on any schema whose values are written as element text (an XSD simple type). */
export interface SimpleTypeAnnotation<A = unknown> {
  /** The XSD name of the type, for messages, e.g. `xs:int`. */
  readonly name: QName
  /** Reads the element's text (never trimmed before this call). */
  readonly parse: (text: string) => LexicalResult<A>
  /** Writes a value as its canonical lexical form; fails for a value outside the type. */
  readonly format: (value: A) => LexicalResult<string>
  /** The value an absent `minOccurs="0"` element decodes to. */
  readonly default: A
  /**
   * `true` when the value is the element's text itself (`xs:string`: no whitespace processing, any text
   * valid), so that the decoder can skip `parse`.
   */
  readonly identity?: boolean
  /**
   * The transformation of the last link of the encoding the simple type reads through itself, as
   * `Xsd.long` reads its JSON string form: the annotation then stands for the whole schema. Without it, or
   * when the schema's encoding has gained links since, the annotation is its type side's, and the
   * encoding a transformation on top of what its last link encodes to.
   */
  readonly reads?: unknown
  /** Its JSON form; without one, a JSON string holding the lexical form (read by `parse`, written by `format`). */
  readonly json?: JsonForm<A> | undefined
}

/** Annotation on the root schema of a SOAP message. */
export interface EnvelopeAnnotation {
  readonly headerKey: string
  readonly bodyKey: string
}

/** Annotation on the root schema of a SOAP message: its name in the WSDL (`wsdl:message`). */
export interface MessageAnnotation {
  readonly name: string
}

/** Annotation on the root schema of a plain (non-SOAP) XML document, or on a SOAP body struct. */
export interface RootElementAnnotation {
  readonly name: string
  readonly namespace: string
}

/**
 * Annotation on a document's root schema (a SOAP message or a plain document): the namespaces its types
 * are declared in that are, in this document, another (`from` → `to`). A later version of a service reuses
 * the earlier version's declarations where the two agree, under its own namespace.
 */
export type NamespacesAnnotation = Readonly<Record<string, string>>

/**
 * Annotation on any schema: how to generate its values for property tests, when what its type and checks
 * say would not (a declared type, text XML must be able to carry, values of a simple type's lexical space).
 * The generated values must pass the schema's checks up to the annotation's.
 */
export type ArbitraryAnnotation<A = unknown> = (fc: typeof FastCheck) => FastCheck.Arbitrary<A>

/** The annotations' keys, strings as Effect's own annotations are. */
export const ElementAnnotationId = "@erpsync/codec/Element" as const
export const ComplexTypeAnnotationId = "@erpsync/codec/ComplexType" as const
export const ItemsAnnotationId = "@erpsync/codec/Items" as const
export const SimpleTypeAnnotationId = "@erpsync/codec/SimpleType" as const
export const EnvelopeAnnotationId = "@erpsync/codec/Envelope" as const
export const RootElementAnnotationId = "@erpsync/codec/RootElement" as const
export const MessageAnnotationId = "@erpsync/codec/Message" as const
export const ArbitraryAnnotationId = "@erpsync/codec/Arbitrary" as const
export const NamespacesAnnotationId = "@erpsync/codec/Namespaces" as const
/** On an array of `{ Key, Value }` pairs (`DataContract.dictionary`): in JSON, an object of its keys. */
export const DictionaryAnnotationId = "@erpsync/codec/Dictionary" as const
