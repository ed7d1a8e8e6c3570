/**
 * The same document written otherwise: other namespace prefixes, a default namespace or none, `xsi:type`
 * attributes added, CRLF indentation, and cut into chunks anywhere. Every variant is one a conforming
 * decoder must read as the same value; the laws read each message in all of them.
 *
 * @since 0.3.0
 */
import { Xml, XmlCodec } from "@erpsync/codec"
import type * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { SaxesParser } from "saxes"
import { SOAP11, XMLNS, XSI } from "./internal/namespaces.js"

/**
 * An element of a namespace-aware tree: its namespace and local name, its attributes (namespace
 * declarations aside) and its children, elements and text.
 *
 * @since 0.3.0
 * @category models
 */
export interface Element {
  readonly uri: string
  readonly local: string
  readonly attributes: ReadonlyArray<{ readonly uri: string; readonly local: string; readonly value: string }>
  readonly children: Array<Element | string>
}

/**
 * The namespace-aware tree of a well-formed document (such as the encoder's output); throws on one that
 * is not well-formed.
 *
 * @since 0.3.0
 * @category parsing
 */
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

/**
 * How a document is written again.
 *
 * @since 0.3.0
 * @category models
 */
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

const { escapeAttribute, escapeText } = Xml

/**
 * A tree written in the given style.
 *
 * @since 0.3.0
 * @category writing
 */
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
  // An attribute in a namespace always needs a prefix (an unprefixed one is in no namespace); `attr` is
  // none that `styles` gives.
  const attributePrefixOf = (uri: string): string => prefixOf(uri) === "" ? "attr" : prefixOf(uri)
  const qualified = (prefix: string, local: string) => prefix === "" ? local : `${prefix}:${local}`
  /**
   * `declared`: the prefixes in scope and their namespaces; `defaultUri`: the default namespace in scope.
   * An element in no namespace inside a default namespace undeclares it (`xmlns=""`).
   */
  const go = (e: Element, declared: ReadonlyMap<string, string>, defaultUri: string, depth: number): string => {
    const scope = new Map(declared)
    let declarations = ""
    const bind = (prefix: string, uri: string) => {
      if (scope.get(prefix) === uri) return
      scope.set(prefix, uri)
      declarations += ` xmlns:${prefix}="${uri}"`
    }
    if (style.declareOnRoot && depth === 0) {
      for (const uri of all) if (prefixOf(uri) !== "") bind(prefixOf(uri), uri)
    }
    const prefix = e.uri === "" ? "" : prefixOf(e.uri)
    let inScope = defaultUri
    if (prefix === "") {
      if (defaultUri !== e.uri) declarations += ` xmlns="${e.uri}"`
      inScope = e.uri
    } else bind(prefix, e.uri)
    let attributes = ""
    for (const a of e.attributes) {
      if (a.uri === "") attributes += ` ${a.local}="${escapeAttribute(a.value)}"`
      else {
        bind(attributePrefixOf(a.uri), a.uri)
        attributes += ` ${qualified(attributePrefixOf(a.uri), a.local)}="${escapeAttribute(a.value)}"`
      }
    }
    const simple = e.children.every((c) => typeof c === "string") &&
      !e.attributes.some((a) => a.uri === XSI && a.local === "nil")
    if (style.xsiTypes && simple && depth > 0) {
      bind(style.xsiPrefix, XSI)
      attributes += ` ${style.xsiPrefix}:type="xsd:string" xmlns:xsd="http://www.w3.org/2001/XMLSchema"`
    }
    const name = qualified(prefix, e.local)
    let out = `<${name}${declarations}${attributes}>`
    const elements = e.children.filter((c) => typeof c !== "string")
    for (const c of e.children) {
      if (typeof c === "string") out += escapeText(c)
      else {
        if (style.indent) out += "\r\n" + "  ".repeat(depth + 1)
        out += go(c, scope, inScope, depth + 1)
      }
    }
    if (style.indent && elements.length > 0) out += "\r\n" + "  ".repeat(depth)
    return `${out}</${name}>`
  }
  return go(root, new Map(), "", 0)
}

/**
 * `bytes` cut at the given offsets (in any order; duplicates and offsets past the end wrap around).
 *
 * @since 0.3.0
 * @category chunks
 */
export const cut = (bytes: Uint8Array, offsets: ReadonlyArray<number>): Array<Uint8Array> => {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b)
  const chunks: Array<Uint8Array> = []
  let start = 0
  for (const point of points) {
    chunks.push(bytes.subarray(start, point))
    start = point
  }
  chunks.push(bytes.subarray(start))
  return chunks
}

/**
 * Every namespace a message's elements may be in: the SOAP envelope's and those its description names.
 *
 * @since 0.3.0
 * @category styles
 */
export const namespacesOf = <A, I>(schema: Schema.Codec<A, I>): ReadonlyArray<string> => {
  const description = XmlCodec.describe(schema)
  const namespaces = new Set([SOAP11])
  const visit = (elements: ReadonlyArray<XmlCodec.ElementDescription>) => {
    for (const element of elements) {
      if (element.namespace !== "") namespaces.add(element.namespace)
      if (element.type.kind === "complex" && element.type.sequence !== undefined) visit(element.type.sequence)
    }
  }
  visit(description.elements)
  for (const sequence of description.types.values()) visit(sequence)
  return [...namespaces]
}

const prefix = fc.stringMatching(/^p[a-z0-9]{0,3}$/)

/**
 * Styles for documents in these namespaces: other prefixes, one of the namespaces (or none) the default,
 * declared on the root or where first needed, with `xsi:type` attributes or not, indented or not.
 *
 * @since 0.3.0
 * @category styles
 */
export const styles = (namespaces: ReadonlyArray<string>): fc.Arbitrary<Style> =>
  fc.record({
    prefixes: fc.uniqueArray(prefix, { minLength: namespaces.length, maxLength: namespaces.length }).chain((prefixes) =>
      fc.integer({ min: -1, max: namespaces.length - 1 }).map((defaultIndex) =>
        new Map(namespaces.map((ns, i) => [ns, i === defaultIndex ? "" : prefixes[i]!]))
      )
    ),
    declareOnRoot: fc.boolean(),
    xsiTypes: fc.boolean(),
    indent: fc.boolean(),
    xsiPrefix: fc.stringMatching(/^i[a-z]{0,3}$/)
  }, { noNullPrototype: true })
