/**
 * Shapes: plan nodes compiled for decoding, once per node. A shape says whether an element holds text, a
 * struct or an array, and which refinements and transformations apply to its value.
 */
import { memo } from "../memo.js"
import type { SimpleTypeAnnotation } from "../schema/annotations.js"
import type { ComplexNode, ElementDecl, Member, Node, RefineNode, TransformNode } from "../schema/plan.js"
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
  /** The decoder's table of the members, by member index. */
  readonly slots: ReadonlyArray<Slot>
  readonly byLocal: ReadonlyMap<string, ReadonlyArray<number>>
  readonly wrappers: ReadonlyArray<Wrapper>
}
export interface ArrayShape {
  readonly kind: typeof ARRAY
  /** The item element's slot (its declaration is `itemSlot.decl`). */
  readonly itemSlot: Slot
  readonly wrappers: ReadonlyArray<Wrapper>
}
export type Shape = SimpleShape | ComplexShape | ArrayShape

const indexMembers = (members: ReadonlyArray<Member>): Map<string, Array<number>> => {
  const byLocal = new Map<string, Array<number>>()
  members.forEach((m, i) => {
    const list = byLocal.get(m.name)
    if (list === undefined) byLocal.set(m.name, [i])
    else list.push(i)
  })
  return byLocal
}

/** The shape of a plan node, compiled once per node. */
export const shapeOf: (node: Node) => Shape = memo((node: Node): Shape => {
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
  return current._tag === "Simple"
    ? { kind: SIMPLE, type: current.type, wrappers }
    : current._tag === "Complex"
    ? complexShape(current, wrappers)
    : { kind: ARRAY, itemSlot: new Slot(current.item), wrappers }
})

/**
 * An element declaration as the decoder dispatches to it: its shape (resolved on first use, as types may
 * be recursive), and the tag name it last came under with the namespace bindings it was resolved in. An
 * element of the same tag name under the same bindings (`Scope.generation`) is the same element, known
 * without resolving its name again.
 */
export class Slot {
  /** The tag name, prefix and all, the element last came under. */
  // Stryker disable next-line StringLiteral: no tag name is empty
  tagName = ""
  /** The scope generation that name was resolved in; none yet. */
  // Stryker disable next-line UnaryOperator: generations count from 1
  generation = -1
  private resolved: Shape | undefined = undefined
  constructor(readonly decl: ElementDecl) {}
  get shape(): Shape {
    return this.resolved ??= shapeOf(this.decl.node)
  }
}

/** The slot of a declaration that is no member or item (a document's root, a message's body element). */
export const slotOf: (decl: ElementDecl) => Slot = memo((decl: ElementDecl) => new Slot(decl))

export const complexShape = (node: ComplexNode, wrappers: ReadonlyArray<Wrapper>): ComplexShape => ({
  kind: COMPLEX,
  members: node.members,
  slots: node.members.map((member) => new Slot(member)),
  byLocal: indexMembers(node.members),
  wrappers
})
