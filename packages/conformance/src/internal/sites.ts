/**
 * The places of an encoded message where a negative law changes it: each element of a sequence with the
 * description of the member it is (its `minOccurs`, `maxOccurs`, type), found by walking the document's
 * tree alongside the schema's description (`XmlCodec.describe`).
 */
import type { XmlCodec } from "@erpsync/codec"
import type { Element } from "../Variants.js"

export interface Site {
  /** The element holding the member, and the indexes leading to it from the root (to find it in a copy). */
  readonly parent: Element
  readonly parentPath: ReadonlyArray<number>
  /** The member's element, and its index among the parent's children (text included). */
  readonly element: Element
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
  const visit = (
    parent: Element,
    parentPath: ReadonlyArray<number>,
    members: ReadonlyArray<XmlCodec.ElementDescription>,
    header: boolean
  ) => {
    parent.children.forEach((element, index) => {
      if (!isElement(element)) return
      const position = members.findIndex((m) => m.namespace === element.uri && m.name === element.local)
      if (position === -1) return
      const member = members[position]!
      sites.push({ parent, parentPath, element, index, member, position, header })
      const sequence = sequenceOf(member.type)
      if (sequence !== undefined) visit(element, [...parentPath, index], sequence, false)
    })
  }
  const [body, ...headers] = description.elements
  root.children.forEach((part, index) => {
    if (!isElement(part)) return
    if (part.local === "Header") visit(part, [index], headers, true)
    if (part.local === "Body" && body !== undefined) visit(part, [index], [body], false)
  })
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

/** The node at a path of indexes. */
export const at = (root: Element, path: ReadonlyArray<number>): Element =>
  path.reduce((node, i) => node.children[i] as Element, root)
