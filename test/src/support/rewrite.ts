/**
 * Writes an XML document again with other namespace prefixes, a default namespace or not, `xsi:type`
 * attributes added, and CRLF indentation: every variant a conforming decoder must read as the same value.
 */
import { SaxesParser } from "saxes"

interface Element {
  readonly uri: string
  readonly local: string
  readonly attributes: ReadonlyArray<{ readonly uri: string; readonly local: string; readonly value: string }>
  readonly children: Array<Element | string>
}

const XSI = "http://www.w3.org/2001/XMLSchema-instance"
const XMLNS = "http://www.w3.org/2000/xmlns/"

/** Parses a namespace-aware tree (test helper: input is trusted output of the encoder). */
export const parseTree = (xml: string): Element => {
  const parser = new SaxesParser({ xmlns: true })
  const stack: Array<Element> = []
  let root: Element | undefined
  parser.on("opentag", (tag) => {
    const element: Element = {
      uri: tag.uri,
      local: tag.local,
      attributes: Object.values(tag.attributes)
        .filter((a) => a.uri !== XMLNS)
        .map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
      children: []
    }
    stack[stack.length - 1]?.children.push(element)
    stack.push(element)
    root ??= element
  })
  parser.on("text", (text) => stack[stack.length - 1]?.children.push(text))
  parser.on("closetag", () => void stack.pop())
  parser.on("error", (e) => {
    throw e
  })
  parser.write(xml).close()
  return root!
}

export interface Style {
  /** Prefix for each namespace; `""` means the default namespace (declared where first needed). */
  readonly prefixes: ReadonlyMap<string, string>
  /** Declare every namespace on the root element (true) or on each element that first needs it (false). */
  readonly declareOnRoot: boolean
  /** Add `xsi:type` to elements with simple content, as the vendor's examples do. */
  readonly xsiTypes: boolean
  /** Indent with CRLF line ends. */
  readonly indent: boolean
  /** Prefix used for the XML Schema instance namespace. */
  readonly xsiPrefix: string
}

const escapeText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;")
const escapeAttribute = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(
    /[\t\n\r]/g,
    (c) => `&#${c.charCodeAt(0)};`
  )

/** Serialises a tree in the given style. */
export const writeTree = (root: Element, style: Style): string => {
  const all = new Set<string>()
  const collect = (e: Element) => {
    if (e.uri !== "") all.add(e.uri)
    for (const a of e.attributes) if (a.uri !== "") all.add(a.uri)
    for (const c of e.children) if (typeof c !== "string") collect(c)
  }
  collect(root)
  if (style.xsiTypes) all.add(XSI)
  const prefixOf = (uri: string): string => uri === XSI ? style.xsiPrefix : style.prefixes.get(uri) ?? ""
  const qualified = (uri: string, local: string) => {
    const prefix = prefixOf(uri)
    return prefix === "" ? local : `${prefix}:${local}`
  }
  const declaration = (uri: string) => {
    const prefix = prefixOf(uri)
    return prefix === "" ? ` xmlns="${uri}"` : ` xmlns:${prefix}="${uri}"`
  }
  const go = (e: Element, declared: ReadonlySet<string>, depth: number): string => {
    const needed = new Set<string>()
    if (style.declareOnRoot && depth === 0) { for (const uri of all) needed.add(uri) }
    if (e.uri !== "" && !declared.has(e.uri)) needed.add(e.uri)
    for (const a of e.attributes) if (a.uri !== "" && !declared.has(a.uri)) needed.add(a.uri)
    const simple = e.children.every((c) => typeof c === "string") &&
      !e.attributes.some((a) => a.uri === XSI && a.local === "nil")
    if (style.xsiTypes && simple && !declared.has(XSI)) needed.add(XSI)
    const scope = new Set([...declared, ...needed])
    let out = "<" + qualified(e.uri, e.local)
    for (const uri of needed) if (!declared.has(uri)) out += declaration(uri)
    for (const a of e.attributes) {
      out += ` ${a.uri === "" ? a.local : qualified(a.uri, a.local)}="${escapeAttribute(a.value)}"`
    }
    if (style.xsiTypes && simple && depth > 0) {
      out += ` ${style.xsiPrefix}:type="xsd:string" xmlns:xsd="http://www.w3.org/2001/XMLSchema"`
    }
    out += ">"
    const elements = e.children.filter((c) => typeof c !== "string")
    for (const c of e.children) {
      if (typeof c === "string") out += escapeText(c)
      else {
        if (style.indent) out += "\r\n" + "  ".repeat(depth + 1)
        out += go(c, scope, depth + 1)
      }
    }
    if (style.indent && elements.length > 0) out += "\r\n" + "  ".repeat(depth)
    return out + "</" + qualified(e.uri, e.local) + ">"
  }
  return go(root, new Set(), 0)
}
