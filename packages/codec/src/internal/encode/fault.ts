/**
 * Writing SOAP Faults, for SOAP 1.1 (`faultcode`, `faultstring`, `faultactor`, `detail`) and SOAP 1.2
 * (`Code/Value`, nested `Subcode`s, `Reason/Text`, `Node`, `Role`, `Detail`): what a server of the
 * service answers when a call fails.
 */
import { checkedText, describeCharacter, escapeAttribute, findInvalidCharacter } from "../escape.js"
import { SOAP11, XML, XMLNS } from "../namespaces.js"
import type { QName } from "../schema/annotations.js"

/** An element of a fault's detail, to write: its namespace (`""` for none), local name, attributes, content. */
export interface DetailElement {
  readonly namespace: string
  readonly name: string
  readonly attributes?:
    | ReadonlyArray<{ readonly namespace?: string | undefined; readonly name: string; readonly value: string }>
    | undefined
  readonly children?: ReadonlyArray<DetailElement | string> | undefined
}

/** What a written fault says. */
export interface FaultToWrite {
  readonly soapVersion: "1.1" | "1.2"
  readonly code: QName
  readonly subcodes?: ReadonlyArray<QName> | undefined
  readonly text: string
  readonly lang?: string | undefined
  readonly actor?: string | undefined
  /** SOAP 1.2's `Node`; SOAP 1.1 has none. */
  readonly node?: string | undefined
  readonly detail?: ReadonlyArray<DetailElement | string> | undefined
}

// XML's NCName, as far as the BMP goes: a letter or `_`, then letters, digits, `.`, `-`, `_` and combining marks.
const NC_NAME =
  /^[A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][-.\w\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*$/

/** Text of a fault to write, refused (with a `TypeError`) if XML 1.0 cannot carry it. */
const checked = (text: string): string => {
  const at = findInvalidCharacter(text)
  if (at !== -1) throw new TypeError(`a fault cannot carry the character ${describeCharacter(text, at)}`)
  return text
}
const writeText = (text: string): string => {
  const escaped = checkedText(text)
  if (typeof escaped === "number") {
    throw new TypeError(`a fault cannot carry the character ${describeCharacter(text, escaped)}`)
  }
  return escaped
}
const writeAttribute = (text: string): string => escapeAttribute(checked(text))

/** A local name, refused (with a `TypeError`) unless it is an XML name without a colon. */
const checkName = (name: string, what: string): string => {
  if (!NC_NAME.test(name)) throw new TypeError(`${JSON.stringify(name)} is not an XML name, so it cannot be ${what}`)
  return name
}

/**
 * Writes a detail's content. Every namespace it uses gets a prefix of its own (`d1`, `d2`, …), declared on
 * the detail element; attributes in the XML namespace keep `xml:`.
 */
const writeDetail = (content: ReadonlyArray<DetailElement | string>): { declarations: string; body: string } => {
  const prefixes = new Map<string, string>()
  let declarations = ""
  const prefix = (namespace: string): string => {
    if (namespace === XML) return "xml"
    if (namespace === XMLNS) throw new TypeError("a fault's detail cannot use the namespace of namespace declarations")
    let p = prefixes.get(namespace)
    if (p === undefined) {
      p = `d${prefixes.size + 1}`
      prefixes.set(namespace, p)
      declarations += ` xmlns:${p}="${writeAttribute(namespace)}"`
    }
    return p
  }
  const go = (node: DetailElement | string): string => {
    if (typeof node === "string") return writeText(node)
    const name = checkName(node.name, "the name of an element of a fault's detail")
    const qualified = node.namespace === "" ? name : `${prefix(node.namespace)}:${name}`
    let out = "<" + qualified
    for (const a of node.attributes ?? []) {
      const namespace = a.namespace ?? ""
      const name = checkName(a.name, "the name of an attribute of a fault's detail")
      // An unprefixed `xmlns` would be read as a namespace declaration.
      if (namespace === "" && name === "xmlns") throw new TypeError("a fault's detail cannot have an attribute xmlns")
      const attribute = namespace === "" ? name : `${prefix(namespace)}:${name}`
      out += ` ${attribute}="${writeAttribute(a.value)}"`
    }
    const children = node.children ?? []
    if (children.length === 0) return out + "/>"
    out += ">"
    for (const c of children) out += go(c)
    return out + "</" + qualified + ">"
  }
  let body = ""
  for (const node of content) body += go(node)
  return { declarations, body }
}

/**
 * Writes a SOAP Fault envelope; the code's namespace is declared next to the element holding it, the detail's
 * namespaces on the detail element.
 */
export const writeFault = (fault: FaultToWrite, envelope: string): string => {
  const lang = writeAttribute(fault.lang ?? "en-US")
  const qname = (code: QName, element: string): string =>
    code.namespace === envelope
      ? `<${element}>s:${checkName(code.name, "a fault code")}</${element}>`
      : code.namespace === ""
      ? `<${element}>${checkName(code.name, "a fault code")}</${element}>`
      : `<${element} xmlns:c="${writeAttribute(code.namespace)}">c:${checkName(code.name, "a fault code")}</${element}>`
  const detail = (element: string): string => {
    if (fault.detail === undefined) return ""
    const { body, declarations } = writeDetail(fault.detail)
    return `<${element}${declarations}>${body}</${element}>`
  }
  let body: string
  if (envelope === SOAP11) {
    body = qname(fault.code, "faultcode") +
      `<faultstring xml:lang="${lang}">${writeText(fault.text)}</faultstring>` +
      (fault.actor === undefined ? "" : `<faultactor>${writeText(fault.actor)}</faultactor>`) +
      detail("detail")
  } else {
    let subcodes = ""
    for (const subcode of [...(fault.subcodes ?? [])].reverse()) {
      subcodes = `<s:Subcode>${qname(subcode, "s:Value")}${subcodes}</s:Subcode>`
    }
    body = `<s:Code>${qname(fault.code, "s:Value")}${subcodes}</s:Code>` +
      `<s:Reason><s:Text xml:lang="${lang}">${writeText(fault.text)}</s:Text></s:Reason>` +
      (fault.node === undefined ? "" : `<s:Node>${writeText(fault.node)}</s:Node>`) +
      (fault.actor === undefined ? "" : `<s:Role>${writeText(fault.actor)}</s:Role>`) +
      detail("s:Detail")
  }
  return `<s:Envelope xmlns:s="${envelope}"><s:Body><s:Fault>${body}</s:Fault></s:Body></s:Envelope>`
}
