/**
 * Typed getters for the codec's annotations on a schema's AST. Effect keeps the annotations given after a
 * check on that check, so a node's annotations are looked for on its checks, the last first, and then on
 * the node itself; a member's element annotation is on its key (`annotateKey`).
 */
import type * as AST from "effect/SchemaAST"
import {
  type ArbitraryAnnotation,
  ArbitraryAnnotationId,
  type ComplexTypeAnnotation,
  ComplexTypeAnnotationId,
  DictionaryAnnotationId,
  type ElementAnnotation,
  ElementAnnotationId,
  type EnvelopeAnnotation,
  EnvelopeAnnotationId,
  type ItemsAnnotation,
  ItemsAnnotationId,
  type MessageAnnotation,
  MessageAnnotationId,
  type NamespacesAnnotation,
  NamespacesAnnotationId,
  type RootElementAnnotation,
  RootElementAnnotationId,
  type SimpleTypeAnnotation,
  SimpleTypeAnnotationId
} from "../schema/annotations.js"

/**
 * Where `key` is annotated on `ast`: the index of the check that holds it (the last one that does), `-1` for
 * the node itself, or `undefined` when nowhere.
 */
export const annotatedAt = (ast: AST.AST, key: string): number | undefined => {
  const checks = ast.checks
  if (checks !== undefined) {
    for (let i = checks.length - 1; i >= 0; i--) {
      if (checks[i]!.annotations?.[key] !== undefined) return i
    }
  }
  return ast.annotations?.[key] !== undefined ? -1 : undefined
}

const getter = <A>(key: string) => (ast: AST.AST): A | undefined => {
  const at = annotatedAt(ast, key)
  if (at === undefined) return undefined
  return (at === -1 ? ast.annotations![key] : ast.checks![at]!.annotations![key]) as A
}

/**
 * The element annotation of a struct member, on its key; or, when the member's type is a union made of
 * the annotated schema (`Schema.optional(Xml.element(...))`, `Schema.NullOr(Xml.element(...))`), on its
 * member's.
 */
export const getElement = (ast: AST.AST): ElementAnnotation | undefined => {
  const own = ast.context?.annotations?.[ElementAnnotationId] as ElementAnnotation | undefined
  if (own !== undefined || ast._tag !== "Union") return own
  for (const type of ast.types) {
    const inner = getElement(type)
    if (inner !== undefined) return inner
  }
  return undefined
}

export const getComplexType = getter<ComplexTypeAnnotation>(ComplexTypeAnnotationId)
export const getItems = getter<ItemsAnnotation>(ItemsAnnotationId)
export const getSimpleType = getter<SimpleTypeAnnotation>(SimpleTypeAnnotationId)
export const getEnvelope = getter<EnvelopeAnnotation>(EnvelopeAnnotationId)
export const getRootElement = getter<RootElementAnnotation>(RootElementAnnotationId)
export const getMessage = getter<MessageAnnotation>(MessageAnnotationId)
export const getArbitrary = getter<ArbitraryAnnotation>(ArbitraryAnnotationId)
export const getNamespaces = getter<NamespacesAnnotation>(NamespacesAnnotationId)
export const getDictionary = getter<true>(DictionaryAnnotationId)

/** The `identifier` annotation, wherever it is. */
export const getIdentifier = getter<string>("identifier")
