/**
 * The XML facts of a schema, as annotations: element names and namespaces, `minOccurs`, complex type
 * names, array item elements and root elements. The codec reads nothing else.
 *
 * @since 0.1.0
 */
import type * as Schema from "effect/Schema"
import * as escape from "./internal/escape.js"
import {
  type ComplexTypeAnnotation,
  ComplexTypeAnnotationId,
  ElementAnnotationId,
  type ItemsAnnotation,
  ItemsAnnotationId,
  type NamespacesAnnotation,
  NamespacesAnnotationId,
  type RootElementAnnotation,
  RootElementAnnotationId
} from "./internal/schema/annotations.js"

export type {
  /** @since 0.1.0 */
  ComplexTypeAnnotation,
  /** @since 0.1.0 */
  ElementAnnotation,
  /** @since 0.1.0 */
  ItemsAnnotation,
  /** @since 0.1.0 */
  LexicalResult,
  /** @since 1.0.0 */
  NamespacesAnnotation,
  /** @since 0.1.0 */
  QName,
  /** @since 0.1.0 */
  RootElementAnnotation,
  /** @since 0.1.0 */
  SimpleTypeAnnotation
} from "./internal/schema/annotations.js"

/**
 * Options of a member element.
 *
 * @since 0.1.0
 * @category annotations
 */
export interface ElementOptions<A> {
  /** The element's local name; defaults to the property key. */
  readonly name?: string
  /** The element's namespace; defaults to the enclosing complex type's namespace (or none). */
  readonly namespace?: string
  /**
   * `0`: the element may be absent and then decodes to `default` (or to the type's default: `null` when
   * nillable, `0`, `false`, `""`, `[]`), as WCF's DataContractSerializer does. Defaults to `1`.
   */
  readonly minOccurs?: 0 | 1
  /** The value of an absent `minOccurs: 0` element, when the type's default does not fit. */
  readonly default?: () => A
}

/**
 * A struct member carried by an element, with its XML options.
 *
 * @since 0.1.0
 * @category annotations
 */
export const element = <S extends Schema.Top>(schema: S, options: ElementOptions<S["Type"]>): S["Rebuild"] =>
  schema.annotateKey({
    [ElementAnnotationId]: {
      ...(schema.ast.context?.annotations?.[ElementAnnotationId] as ElementOptions<S["Type"]> | undefined),
      ...options
    }
  })

/**
 * The annotations of a member element, for a member's key annotated otherwise (`schema.annotateKey(...)`).
 *
 * @since 0.2.0
 * @category annotations
 */
export const elementAnnotations = <A>(
  options: ElementOptions<A>
): { readonly [ElementAnnotationId]: ElementOptions<A> } => ({ [ElementAnnotationId]: options })

/**
 * A struct member that may be absent on the wire (`minOccurs="0"`) and then decodes to its type's default.
 *
 * @since 0.1.0
 * @category annotations
 */
export const optionalElement = <S extends Schema.Top>(schema: S): S["Rebuild"] => element(schema, { minOccurs: 0 })

/**
 * Annotation for a struct standing for an XSD complex type: its name, and the namespace of its members
 * (the schema's `targetNamespace` with `elementFormDefault="qualified"`).
 *
 * @since 0.1.0
 * @category annotations
 */
export const complexType = (
  name: string,
  namespace: string
): { readonly [ComplexTypeAnnotationId]: ComplexTypeAnnotation; readonly identifier: string } => ({
  [ComplexTypeAnnotationId]: { name, namespace },
  identifier: name
})

/**
 * Annotation for an array: the element each item is written as.
 *
 * @since 0.1.0
 * @category annotations
 */
export const items = (name: string, namespace: string): { readonly [ItemsAnnotationId]: ItemsAnnotation } => ({
  [ItemsAnnotationId]: { name, namespace }
})

/**
 * Annotation for the schema of a whole document (or a SOAP body): its root element.
 *
 * @since 0.1.0
 * @category annotations
 */
export const root = (
  name: string,
  namespace: string
): { readonly [RootElementAnnotationId]: RootElementAnnotation } => ({
  [RootElementAnnotationId]: { name, namespace }
})

/**
 * Annotation for a document's root (a SOAP message, or a plain document's root schema): the namespaces
 * its types were declared in that are, in this document, others (`{ [declared]: used }`). Every element
 * and type name of a renamed namespace is read and written in the other. A later version of a service
 * reuses the declarations of the earlier version where the two agree, under its own namespace
 * (`Service.define`'s `reuses`).
 *
 * @since 1.0.0
 * @category annotations
 */
export const namespaces = (
  renamed: Readonly<Record<string, string>>
): { readonly [NamespacesAnnotationId]: NamespacesAnnotation } => ({ [NamespacesAnnotationId]: { ...renamed } })

/**
 * Element text as XML writes it, as the encoder does: `&`, `<` and `>` escaped (so that `]]>` never
 * appears), and a carriage return as `&#13;`, which a reader's line-end normalisation would otherwise turn
 * into a line feed. The text must hold only characters XML 1.0 can carry.
 *
 * @since 0.3.0
 * @category writing
 */
export const escapeText: (text: string) => string = escape.escapeText

/**
 * An attribute value as XML writes it between double quotes, as the encoder does: `&`, `<`, `>` and `"`
 * escaped, and tab, line feed and carriage return as character references, which attribute-value
 * normalisation would otherwise turn into spaces.
 *
 * @since 0.3.0
 * @category writing
 */
export const escapeAttribute: (text: string) => string = escape.escapeAttribute
