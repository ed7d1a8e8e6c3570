/**
 * The places of an encoded message where a negative law changes it: each element of a sequence with the
 * description of the member it is (its `minOccurs`, `maxOccurs`, type), found by walking the document's
 * tree alongside the schema's description (`XmlCodec.describe`).
 */
import type { XmlCodec } from "@erpsync/codec"
import type { Element } from "../Variants.js"

export interface Site {
  /** The element holding the member. */
  readonly parent: Element
  /** The member's index among the parent's children (text included). */
  readonly index: number
  readonly member: XmlCodec.ElementDescription
  /** The member's place in its sequence (a header block's among the message's header blocks). */
  readonly position: number
  /** A header block (their order is free), not a member of a sequence. */
  readonly header: boolean
}

const key = (namespace: string, name: string) => `{${namespace}}${name}`

const isElement = (node: Element | string): node is Element => typeof node !== "string"

/** Every member element of the document (header blocks, the body element and everything below them). */
export const sitesOf = (root: Element, description: XmlCodec.Description): ReadonlyArray<Site> => {
  const sites: Array<Site> = []
  const sequenceOf = (type: XmlCodec.TypeDescription): ReadonlyArray<XmlCodec.ElementDescription> | undefined =>
    type.kind === "simple"
      ? undefined
      : type.sequence ?? description.types.get(key(type.name.namespace, type.name.name))
  const visit = (parent: Element, members: ReadonlyArray<XmlCodec.ElementDescription>, header: boolean) => {
    parent.children.forEach((child, index) => {
      if (!isElement(child)) return
      const position = members.findIndex((m) => m.namespace === child.uri && m.name === child.local)
      if (position === -1) return
      const member = members[position]!
      sites.push({ parent, index, member, position, header })
      const sequence = sequenceOf(member.type)
      if (sequence !== undefined) visit(child, sequence, false)
    })
  }
  const [body, ...headers] = description.elements
  for (const part of root.children.filter(isElement)) {
    if (part.local === "Header") visit(part, headers, true)
    if (part.local === "Body" && body !== undefined) visit(part, [body], false)
  }
  return sites
}

/** The element children of an element, with their indexes among all its children. */
export const elementChildren = (parent: Element): ReadonlyArray<readonly [number, Element]> =>
  parent.children.flatMap((child, index) => (isElement(child) ? [[index, child] as const] : []))

/** A copy of the tree, so that a change to one part leaves the original as it was. */
export const copy = (element: Element): Element => ({
  uri: element.uri,
  local: element.local,
  attributes: element.attributes.map((a) => ({ ...a })),
  children: element.children.map((child) => (isElement(child) ? copy(child) : child))
})

/** The path of indexes from the root to `target`, to find the same node in a copy. */
export const pathTo = (root: Element, target: Element): ReadonlyArray<number> | undefined => {
  if (root === target) return []
  for (let i = 0; i < root.children.length; i++) {
    const child = root.children[i]!
    if (!isElement(child)) continue
    const below = pathTo(child, target)
    if (below !== undefined) return [i, ...below]
  }
  return undefined
}

/** The node at a path of indexes. */
export const at = (root: Element, path: ReadonlyArray<number>): Element =>
  path.reduce((node, i) => node.children[i] as Element, root)
