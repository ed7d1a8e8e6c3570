/**
 * A WSDL document read into a small element tree: namespace-resolved names, attributes, the QNames of
 * QName-valued attributes resolved where they appear, and each element's line and column.
 */
import { SaxesParser } from "saxes"
import { fail } from "./failure.js"

/** A qualified name: namespace URI and local name. */
export interface QName {
  readonly namespace: string
  readonly name: string
}

/** One element of the document. */
export interface Element {
  readonly namespace: string
  readonly local: string
  /** Attributes by local name (the WSDL and XML Schema attributes the generator reads are unqualified). */
  readonly attributes: ReadonlyMap<string, string>
  /** Attributes by `{namespace}local`, for qualified ones (`wsaw:Action`). */
  readonly qualified: ReadonlyMap<string, string>
  readonly children: ReadonlyArray<Element>
  /** The element's own text, concatenated. */
  readonly text: string
  readonly line: number
  readonly column: number
  /** The XML path, e.g. `/definitions/types/schema[1]/complexType[@name='Carrier']`. */
  readonly path: string
  /** Resolves a QName-valued attribute (`type`, `base`, `element`...) in this element's scope. */
  readonly qname: (attribute: string) => QName | undefined
}

interface Building {
  namespace: string
  local: string
  attributes: Map<string, string>
  qualified: Map<string, string>
  children: Array<Building>
  text: string
  line: number
  column: number
  path: string
  qnames: Map<string, QName>
}

/** Attributes whose values are QNames, resolved against the in-scope namespaces as they are read. */
const QNAME_ATTRIBUTES = new Set(["type", "base", "element", "message", "binding", "itemType", "ref"])

const freeze = (node: Building): Element => ({
  namespace: node.namespace,
  local: node.local,
  attributes: node.attributes,
  qualified: node.qualified,
  children: node.children.map(freeze),
  text: node.text,
  line: node.line,
  column: node.column,
  path: node.path,
  qname: (attribute) => node.qnames.get(attribute)
})

/** Parses a document; fails with `Malformed` on anything that is not namespace-well-formed XML. */
export const parseXml = (file: string, text: string): Element => {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: Array<Building> = []
  let root: Building | undefined
  parser.on("error", (error) => {
    fail({ reason: "Malformed", file, path: stack.at(-1)?.path ?? "", detail: error.message })
  })
  parser.on("opentag", (tag) => {
    const parent = stack.at(-1)
    const attributes = new Map<string, string>()
    const qualified = new Map<string, string>()
    const qnames = new Map<string, QName>()
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === "xmlns" || attribute.name === "xmlns") continue
      if (attribute.uri === "") {
        attributes.set(attribute.local, attribute.value)
        if (QNAME_ATTRIBUTES.has(attribute.local)) {
          const value = attribute.value.trim()
          const colon = value.indexOf(":")
          const prefix = colon === -1 ? "" : value.slice(0, colon)
          const namespace = parser.resolve(prefix)
          if (namespace === undefined) {
            fail({
              reason: "Malformed",
              file,
              path: parent?.path ?? "",
              line: parser.line,
              column: parser.column,
              detail: `the prefix ${JSON.stringify(prefix)} of ${attribute.local}="${value}" is not declared`
            })
          }
          qnames.set(attribute.local, { namespace: namespace ?? "", name: value.slice(colon + 1) })
        }
      } else {
        qualified.set(`{${attribute.uri}}${attribute.local}`, attribute.value)
      }
    }
    const siblings = parent?.children.filter((c) => c.local === tag.local).length ?? 0
    const name = attributes.get("name")
    const step = name !== undefined ? `${tag.local}[@name='${name}']` : `${tag.local}[${siblings + 1}]`
    const node: Building = {
      namespace: tag.uri,
      local: tag.local,
      attributes,
      qualified,
      children: [],
      text: "",
      line: parser.line,
      column: parser.column,
      path: `${parent?.path ?? ""}/${step}`,
      qnames
    }
    if (parent === undefined) root = node
    else parent.children.push(node)
    stack.push(node)
  })
  parser.on("text", (text) => {
    const top = stack.at(-1)
    if (top !== undefined) top.text += text
  })
  parser.on("closetag", () => void stack.pop())
  parser.write(text).close()
  if (root === undefined) {
    return fail({ reason: "Malformed", file, path: "", detail: "the document has no root element" })
  }
  return freeze(root)
}

/** The children of `element` in `namespace` named `local`. */
export const childrenOf = (element: Element, namespace: string, local: string): ReadonlyArray<Element> =>
  element.children.filter((c) => c.namespace === namespace && c.local === local)

/** The one child of `element` in `namespace` named `local`, if any. */
export const childOf = (element: Element, namespace: string, local: string): Element | undefined =>
  element.children.find((c) => c.namespace === namespace && c.local === local)

/** `{namespace}name`. */
export const keyOf = (name: QName): string => `{${name.namespace}}${name.name}`
