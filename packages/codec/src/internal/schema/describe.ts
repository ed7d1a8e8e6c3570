/**
 * The XML shape of a plan as plain data, in XML Schema's terms: elements with `minOccurs`, `maxOccurs`,
 * `nillable` and a type; named complex types as sequences of elements. For checking a schema against a
 * WSDL, and for documentation.
 */
import type { QName } from "./annotations.js"
import type { ElementDecl, Member, Node, RootPlan } from "./plan.js"
import { resolve } from "./plan.js"

/** An element of a sequence (or a root or header element). */
export interface ElementDescription extends QName {
  readonly minOccurs: 0 | 1
  readonly maxOccurs: 1 | "unbounded"
  readonly nillable: boolean
  readonly type: TypeDescription
}

/** A simple type by name, or a complex type: named (its sequence in `types`) or anonymous (inline). */
export type TypeDescription =
  | { readonly kind: "simple"; readonly name: QName }
  | { readonly kind: "complex"; readonly name: QName; readonly sequence?: undefined }
  | { readonly kind: "complex"; readonly name?: undefined; readonly sequence: ReadonlyArray<ElementDescription> }

/** A message or document: its top-level elements, and every named complex type they use. */
export interface Description {
  readonly elements: ReadonlyArray<ElementDescription>
  /** Sequences of the named complex types, by `{namespace}name`. */
  readonly types: ReadonlyMap<string, ReadonlyArray<ElementDescription>>
}

const key = (name: QName) => `{${name.namespace}}${name.name}`

export const describe = (plan: RootPlan): Description => {
  const types = new Map<string, ReadonlyArray<ElementDescription>>()

  const typeOf = (node: Node): TypeDescription => {
    const content = resolve(node)
    switch (content._tag) {
      case "Simple":
        return { kind: "simple", name: content.type.name }
      case "Refine":
      case "Transform":
        return typeOf(content.from)
      case "Complex":
      case "Array": {
        const sequence = () =>
          content._tag === "Complex"
            ? content.members.map(member)
            : [element(content.item, 0, "unbounded")]
        if (content.typeName === undefined) return { kind: "complex", sequence: sequence() }
        const name = content.typeName
        if (!types.has(key(name))) {
          // Stryker disable next-line ArrayDeclaration: only its presence is read, until the sequence replaces it
          types.set(key(name), []) // reserved first: recursive types refer to themselves
          types.set(key(name), sequence())
        }
        return { kind: "complex", name }
      }
    }
  }

  const element = (decl: ElementDecl, minOccurs: 0 | 1, maxOccurs: 1 | "unbounded"): ElementDescription => ({
    name: decl.name,
    namespace: decl.namespace,
    minOccurs,
    maxOccurs,
    nillable: decl.nillable,
    type: typeOf(decl.node)
  })

  const member = (m: Member): ElementDescription => element(m, m.optional ? 0 : m.minOccurs, 1)

  const elements = plan._tag === "Envelope"
    ? [element(plan.body, 1, 1), ...plan.header.members.map(member)]
    : [element(plan.root, 1, 1)]
  return { elements, types }
}
