/**
 * Shapes: plan nodes compiled for decoding, once per node. A shape says whether an element holds text, a
 * struct or an array, and which refinements and transformations apply to its value.
 */
import type * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import type { SimpleTypeAnnotation } from "../schema/annotations.js"
import type { ComplexNode, ElementDecl, Member, Node, RefineNode, TransformNode } from "../schema/plan.js"
import { transformationAst } from "../schema/plan.js"
import { ARRAY, COMPLEX, SIMPLE } from "./frame.js"

export type Wrapper = RefineNode | TransformNode

export interface SimpleShape {
  readonly kind: typeof SIMPLE
  readonly type: SimpleTypeAnnotation
  readonly wrappers: ReadonlyArray<Wrapper>
}
export interface ComplexShape {
  readonly kind: typeof COMPLEX
  readonly members: ReadonlyArray<Member>
  readonly byLocal: ReadonlyMap<string, ReadonlyArray<number>>
  readonly wrappers: ReadonlyArray<Wrapper>
}
export interface ArrayShape {
  readonly kind: typeof ARRAY
  readonly item: ElementDecl
  readonly wrappers: ReadonlyArray<Wrapper>
}
export type Shape = SimpleShape | ComplexShape | ArrayShape

const shapes = new WeakMap<Node, Shape>()

const indexMembers = (members: ReadonlyArray<Member>): Map<string, Array<number>> => {
  const byLocal = new Map<string, Array<number>>()
  members.forEach((m, i) => {
    const list = byLocal.get(m.name)
    if (list === undefined) byLocal.set(m.name, [i])
    else list.push(i)
  })
  return byLocal
}

export const shapeOf = (node: Node): Shape => {
  const cached = shapes.get(node)
  // Stryker disable next-line ConditionalExpression: a cache; the shape built again is the same
  if (cached !== undefined) return cached
  const wrappers: Array<Wrapper> = []
  let current = node
  for (;;) {
    if (current._tag === "Lazy") current = current.get()
    else if (current._tag === "Refine" || current._tag === "Transform") {
      wrappers.push(current)
      current = current.from
    } else break
  }
  // wrappers are applied innermost first
  wrappers.reverse()
  const shape: Shape = current._tag === "Simple"
    ? { kind: SIMPLE, type: current.type, wrappers }
    : current._tag === "Complex"
    ? complexShape(current, wrappers)
    : { kind: ARRAY, item: current.item, wrappers }
  shapes.set(node, shape)
  return shape
}

export const complexShape = (node: ComplexNode, wrappers: ReadonlyArray<Wrapper>): ComplexShape => ({
  kind: COMPLEX,
  members: node.members,
  byLocal: indexMembers(node.members),
  wrappers
})

export type Transform = (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>
const transformSchemas = new WeakMap<AST.Transformation, Transform>()
export const transformOf = (ast: AST.Transformation): Transform => {
  let decode = transformSchemas.get(ast)
  // Stryker disable next-line ConditionalExpression: a cache; the same transformation decodes the same way
  if (decode === undefined) {
    decode = ParseResult.decodeUnknownEither(Schema.make(transformationAst(ast)) as Schema.Schema<unknown, unknown>)
    transformSchemas.set(ast, decode)
  }
  return decode
}
