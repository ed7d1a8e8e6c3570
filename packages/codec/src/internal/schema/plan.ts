/**
 * The codec's plan of a schema: which elements, in which order, with which simple types, refinements
 * and transformations, as plain data and functions. The encoder and the decoder are built from it alone;
 * `ast/plan.ts` makes it from a schema's AST.
 */
import { setProperty } from "../property.js"
import type { LexicalResult, QName, SimpleTypeAnnotation } from "./annotations.js"

/** A value written as element text. */
export interface SimpleNode {
  readonly _tag: "Simple"
  readonly type: SimpleTypeAnnotation
}

/** A struct written as an `xs:sequence` of member elements. */
export interface ComplexNode {
  readonly _tag: "Complex"
  readonly typeName: QName | undefined
  readonly members: ReadonlyArray<Member>
}

/** An array written as a repeated item element. */
export interface ArrayNode {
  readonly _tag: "Array"
  readonly typeName: QName | undefined
  readonly item: ElementDecl
  /** Its items are `{ Key, Value }` pairs of a .NET dictionary: in JSON, an object of the keys. */
  readonly dictionary: boolean
}

/** A recursive reference (`Schema.suspend`), resolved on first use. */
export interface LazyNode {
  readonly _tag: "Lazy"
  readonly get: () => Node
}

/** A refinement checked after decoding and before encoding the node it refines. */
export interface RefineNode {
  readonly _tag: "Refine"
  readonly from: Node
  /** Why `value` does not pass, or `undefined` when it does. */
  readonly check: (value: unknown) => string | undefined
}

/** A transformation: the XML carries the `from` side. */
export interface TransformNode {
  readonly _tag: "Transform"
  readonly from: Node
  /** From a value of the `from` side, already checked by the decoder. */
  readonly decode: (value: unknown) => Conversion
  /** To a value of the `from` side, which the encoder then checks. */
  readonly encode: (value: unknown) => Conversion
}

/** The result of a transformation: the value, or why there is none. */
export type Conversion = LexicalResult<unknown>

export type Node = SimpleNode | ComplexNode | ArrayNode | LazyNode | RefineNode | TransformNode

/** An element: its qualified name, whether it may be `xsi:nil`, and its content. */
export interface ElementDecl extends QName {
  readonly nillable: boolean
  readonly node: Node
}

/** A member of a struct: an element, the property key it fills, and what its absence means. */
export interface Member extends ElementDecl {
  readonly key: string
  /** `true` when the property is optional: an absent element leaves the key out. */
  readonly optional: boolean
  /** `0` when an absent element decodes to the member's default value. */
  readonly minOccurs: 0 | 1
  readonly defaultValue: (() => unknown) | undefined
}

/** The plan of a whole document. */
export type RootPlan =
  | {
    readonly _tag: "Envelope"
    readonly headerKey: string
    readonly header: ComplexNode
    readonly bodyKey: string
    readonly body: ElementDecl
  }
  | { readonly _tag: "Document"; readonly root: ElementDecl }

/** A schema that has no XML form: a programming error, reported when the codec is derived. */
export class SchemaDefinitionError extends Error {
  override readonly name = "SchemaDefinitionError"
}

/** A `SchemaDefinitionError` located at `path`. */
export const definitionError = (path: ReadonlyArray<PropertyKey>, message: string): Error =>
  new SchemaDefinitionError(
    `Cannot derive an XML codec at ${path.length === 0 ? "the root" : path.map(String).join(".")}: ${message}`
  )

/**
 * The value an absent `minOccurs="0"` element decodes to, as WCF's DataContractSerializer gives it: `null`
 * when nillable, the simple type's default, an empty array, and for a struct that is not nillable (a .NET
 * value type) the struct of its members' defaults. A fresh value each time: a default is never shared.
 */
export const defaultOf = (node: Node, nillable: boolean): (() => unknown) | undefined => {
  if (nillable) return () => null
  switch (node._tag) {
    case "Simple": {
      const value = node.type.default
      if (Array.isArray(value)) return () => value.slice()
      if (value instanceof Uint8Array) return () => value.slice()
      return () => value
    }
    case "Array":
      return () => []
    case "Complex": {
      const parts: Array<readonly [string, () => unknown]> = []
      for (const member of node.members) {
        if (member.optional) continue
        const value = member.defaultValue ?? defaultOf(member.node, member.nillable)
        if (value === undefined) return undefined
        parts.push([member.key, value])
      }
      return () => {
        const out: Record<string, unknown> = {}
        for (const [key, value] of parts) setProperty(out, key, value())
        return out
      }
    }
    case "Refine": {
      // The default must pass the refinement, or the member needs a default of its own.
      const inner = defaultOf(node.from, false)
      if (inner === undefined) return undefined
      return node.check(inner()) === undefined ? inner : undefined
    }
    case "Transform": {
      const inner = defaultOf(node.from, false)
      if (inner === undefined) return undefined
      if (!node.decode(inner()).ok) return undefined
      return () => {
        const result = node.decode(inner())
        // Stryker disable next-line ConditionalExpression,CallExpression: the same input decoded the same before
        if (!result.ok) throw new SchemaDefinitionError(result.message)
        return result.value
      }
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: a node no case takes has no default either
    case "Lazy":
      // A recursive reference is never a value type: it has no default of its own.
      return undefined
  }
}

/** Follows lazy references to the node that holds content. */
export const resolve = (node: Node): Exclude<Node, LazyNode> => {
  let current = node
  while (current._tag === "Lazy") current = current.get()
  return current
}

/** Calls `f` once for every node reachable from `roots`, resolving recursive references on the way. */
export const forEachNode = (roots: ReadonlyArray<Node>, f: (node: Node) => void): void => {
  const seen = new Set<Node>()
  const visit = (node: Node): void => {
    if (seen.has(node)) return
    seen.add(node)
    f(node)
    switch (node._tag) {
      // Stryker disable next-line StringLiteral: a node no case takes is not visited further, as a simple one
      case "Simple":
        return
      case "Complex":
        return node.members.forEach((member) => visit(member.node))
      case "Array":
        return visit(node.item.node)
      case "Lazy":
        return visit(node.get())
      case "Refine":
      case "Transform":
        return visit(node.from)
    }
  }
  roots.forEach(visit)
}
