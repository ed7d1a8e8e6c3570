/**
 * The annotations the codec reads from a schema: their keys and what each holds. `ast/annotations.ts`
 * reads them.
 */

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

export const ElementAnnotationId: unique symbol = Symbol.for("@erpsync/codec/Element")
export const ComplexTypeAnnotationId: unique symbol = Symbol.for("@erpsync/codec/ComplexType")
export const ItemsAnnotationId: unique symbol = Symbol.for("@erpsync/codec/Items")
export const SimpleTypeAnnotationId: unique symbol = Symbol.for("@erpsync/codec/SimpleType")
export const EnvelopeAnnotationId: unique symbol = Symbol.for("@erpsync/codec/Envelope")
export const RootElementAnnotationId: unique symbol = Symbol.for("@erpsync/codec/RootElement")
export const MessageAnnotationId: unique symbol = Symbol.for("@erpsync/codec/Message")
