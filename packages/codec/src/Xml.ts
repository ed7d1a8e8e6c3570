/**
 * The XML facts of a schema, as annotations: element names and namespaces, `minOccurs`, complex type
 * names, array item elements and root elements. The codec reads nothing else.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import { absentValueOf } from "./internal/ast/plan.js"
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
 * The schema of a type of the codec's own (`Xsd`'s simple types, lists and enumerations, `DataContract`'s
 * types and dictionaries): values of type `T`, whose JSON form is `E`; `make` takes a `T`.
 *
 * @since 1.0.0
 * @category models
 */
export interface Type<T, E = T> extends Schema.Bottom<T, E, never, never, SchemaAST.AST, Type<T, E>> {}

/**
 * A member that may be left out (`minOccurs: 0`, its key not optional): the schema with a constructor
 * default, the value an absent element decodes to. `make`, and a client's request types, take it without
 * the member; its type (`Type`) still has it.
 *
 * @since 1.0.0
 * @category models
 */
export type OptionalElement<S extends Schema.Top> = S["~type.optionality"] extends "optional" ? S["Rebuild"]
  : S["Rebuild"] extends infer R extends Schema.Constraint & Schema.WithoutConstructorDefault
    ? Schema.withConstructorDefault<R>
  : S["Rebuild"]

/**
 * A struct member carried by an element, with its XML options. With `minOccurs: 0` the member may be left
 * out of a value made with `make` (and of a client's request), as of the XML: it takes the value an absent
 * element decodes to (`OptionalElement`).
 *
 * @since 0.1.0
 * @category annotations
 */
export function element<S extends Schema.Top>(
  schema: S,
  options: ElementOptions<S["Type"]> & { readonly minOccurs: 0 }
): OptionalElement<S>
export function element<S extends Schema.Top>(schema: S, options: ElementOptions<S["Type"]>): S["Rebuild"]
export function element<S extends Schema.Top>(schema: S, options: ElementOptions<S["Type"]>): Schema.Top {
  const merged: ElementOptions<S["Type"]> = {
    ...(schema.ast.context?.annotations?.[ElementAnnotationId] as ElementOptions<S["Type"]> | undefined),
    ...options
  }
  const annotated = schema.annotateKey({ [ElementAnnotationId]: merged })
  const context = annotated.ast.context
  // An optional key is left out as it is; a constructor default given before is kept.
  if (merged.minOccurs !== 0 || context?.isOptional === true || context?.constructorDefault !== undefined) {
    return annotated
  }
  let absent = merged.default
  return Schema.withConstructorDefault<Schema.Top & Schema.WithoutConstructorDefault>(
    Effect.sync(() => (absent ??= absentValueOf(schema.ast))())
  )(annotated as Schema.Top & Schema.WithoutConstructorDefault)
}

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
 * A struct member that may be absent on the wire (`minOccurs="0"`) and then decodes to its type's default;
 * `make` and a client's requests take it left out, with that default.
 *
 * @since 0.1.0
 * @category annotations
 */
export const optionalElement = <S extends Schema.Top>(schema: S): OptionalElement<S> =>
  element(schema, { minOccurs: 0 })

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
