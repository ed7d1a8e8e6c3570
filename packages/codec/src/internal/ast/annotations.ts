/**
 * Typed getters for the codec's annotations on a schema's AST.
 */
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import {
  type ComplexTypeAnnotation,
  ComplexTypeAnnotationId,
  type ElementAnnotation,
  ElementAnnotationId,
  type EnvelopeAnnotation,
  EnvelopeAnnotationId,
  type ItemsAnnotation,
  ItemsAnnotationId,
  type MessageAnnotation,
  MessageAnnotationId,
  type RootElementAnnotation,
  RootElementAnnotationId,
  type SimpleTypeAnnotation,
  SimpleTypeAnnotationId
} from "../schema/annotations.js"

const getter = <A>(id: symbol) => (annotated: AST.Annotated): A | undefined =>
  Option.getOrUndefined(AST.getAnnotation<A>(annotated, id))

export const getElement = getter<ElementAnnotation>(ElementAnnotationId)
export const getComplexType = getter<ComplexTypeAnnotation>(ComplexTypeAnnotationId)
export const getItems = getter<ItemsAnnotation>(ItemsAnnotationId)
export const getSimpleType = getter<SimpleTypeAnnotation>(SimpleTypeAnnotationId)
export const getEnvelope = getter<EnvelopeAnnotation>(EnvelopeAnnotationId)
export const getRootElement = getter<RootElementAnnotation>(RootElementAnnotationId)
export const getMessage = getter<MessageAnnotation>(MessageAnnotationId)
