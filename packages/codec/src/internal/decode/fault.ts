/**
 * Reading SOAP Faults: the small tree the decoder captures for a `Fault` element, and its reading as a
 * `SoapFault` for SOAP 1.1 (`faultcode`, `faultstring`, `faultactor`, `detail`) and SOAP 1.2
 * (`Code/Value`, nested `Subcode`s, `Reason/Text`, `Node`, `Role`, `Detail`).
 */
import { escapeAttribute, escapeText } from "../escape.js"
import { SOAP11, XML, XMLNS } from "../namespaces.js"
import type { QName } from "../schema/annotations.js"

/** An element captured whole: the decoder keeps a Fault this way, within a character budget. */
export interface Captured {
  readonly namespace: string
  readonly local: string
  readonly qualifiedName: string
  readonly attributes: ReadonlyArray<{ readonly name: string; readonly namespace: string; readonly value: string }>
  readonly children: Array<Captured | string>
  /** The element's text read as a QName, resolved against the namespaces in scope where it was written. */
  qnameValue: QName | undefined
}

/** What the fault says, before location is added. */
export interface FaultFields {
  readonly reason: "VersionMismatch" | "MustUnderstand" | "DataEncodingUnknown" | "Sender" | "Receiver" | "Other"
  readonly soapVersion: "1.1" | "1.2"
  readonly code: QName
  readonly subcodes: ReadonlyArray<QName>
  readonly text: string
  readonly texts: ReadonlyArray<{ readonly lang: string; readonly text: string }>
  readonly actor?: string
  readonly node?: string
  readonly detail?: string
}

/** Characters of a Fault kept while it is captured (names, attributes and text); the rest is skipped. */
export const MAX_CAPTURE_LENGTH = 65536

/** The longest `detail` kept, in characters. */
export const MAX_DETAIL_LENGTH = 8192

const textOf = (element: Captured): string => {
  let out = ""
  for (const child of element.children) if (typeof child === "string") out += child
  return out
}

/** Whether a captured child is the element `local`: text (a string) has no `local`. */
const isNamed = (c: Captured | string, local: string): c is Captured => (c as Partial<Captured>).local === local

const child = (element: Captured, local: string): Captured | undefined =>
  element.children.find((c): c is Captured => isNamed(c, local))

const childrenNamed = (element: Captured, local: string): Array<Captured> =>
  element.children.filter((c): c is Captured => isNamed(c, local))

const langOf = (element: Captured): string =>
  element.attributes.find((a) => a.namespace === XML && a.name.endsWith("lang"))?.value ?? ""

const prefixOf = (qualifiedName: string): string => {
  const colon = qualifiedName.indexOf(":")
  return colon === -1 ? "" : qualifiedName.slice(0, colon)
}

/**
 * Writes captured content back as XML text that stands on its own: an element or attribute whose prefix
 * was declared outside the content gets its declaration where it is first used. Cut at `MAX_DETAIL_LENGTH`.
 */
const serialize = (nodes: ReadonlyArray<Captured | string>): string => {
  let out = ""
  const go = (node: Captured | string, scope: ReadonlyMap<string, string>): void => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: saves the work the final cut throws away
    if (out.length > MAX_DETAIL_LENGTH) return
    if (typeof node === "string") {
      out += escapeText(node)
      return
    }
    const inScope = new Map(scope)
    let attributes = ""
    for (const a of node.attributes) {
      attributes += ` ${a.name}="${escapeAttribute(a.value)}"`
      // `xmlns` declares the default namespace, `xmlns:p` the prefix `p`.
      if (a.namespace === XMLNS) inScope.set(a.name.slice(6), a.value)
    }
    let declarations = ""
    const bind = (prefix: string, namespace: string): void => {
      if ((inScope.get(prefix) ?? "") === namespace) return
      inScope.set(prefix, namespace)
      declarations += ` ${prefix === "" ? "xmlns" : "xmlns:" + prefix}="${escapeAttribute(namespace)}"`
    }
    bind(prefixOf(node.qualifiedName), node.namespace)
    for (const a of node.attributes) {
      const prefix = prefixOf(a.name)
      if (prefix !== "" && prefix !== "xml" && prefix !== "xmlns") bind(prefix, a.namespace)
    }
    out += "<" + node.qualifiedName + declarations + attributes
    if (node.children.length === 0) {
      out += "/>"
      return
    }
    out += ">"
    for (const c of node.children) go(c, inScope)
    out += "</" + node.qualifiedName + ">"
  }
  for (const node of nodes) go(node, new Map())
  return out.slice(0, MAX_DETAIL_LENGTH)
}

const classify = (code: QName, envelope: string): FaultFields["reason"] => {
  if (code.namespace !== envelope) return "Other"
  const base = code.name.split(".")[0]
  switch (base) {
    case "VersionMismatch":
    case "MustUnderstand":
    case "DataEncodingUnknown":
    case "Sender":
    case "Receiver":
      return base
    case "Client":
      return "Sender"
    case "Server":
      return "Receiver"
    default:
      return "Other"
  }
}

const qnameOf = (element: Captured | undefined): QName =>
  element?.qnameValue ?? { namespace: "", name: element === undefined ? "" : textOf(element).trim() }

/** Reads a captured `Fault` element of the given envelope namespace. */
export const readFault = (fault: Captured, envelope: string): FaultFields => {
  if (envelope === SOAP11) {
    const code = qnameOf(child(fault, "faultcode"))
    const faultstring = child(fault, "faultstring")
    const text = faultstring === undefined ? "" : textOf(faultstring)
    const actor = child(fault, "faultactor")
    const detail = child(fault, "detail")
    return {
      reason: classify(code, envelope),
      soapVersion: "1.1",
      code,
      subcodes: [],
      text,
      texts: faultstring === undefined ? [] : [{ lang: langOf(faultstring), text }],
      ...(actor === undefined ? {} : { actor: textOf(actor) }),
      ...(detail === undefined ? {} : { detail: serialize(detail.children) })
    }
  }
  const codeElement = child(fault, "Code")
  const code = qnameOf(codeElement === undefined ? undefined : child(codeElement, "Value"))
  const subcodes: Array<QName> = []
  let subcode = codeElement === undefined ? undefined : child(codeElement, "Subcode")
  while (subcode !== undefined) {
    subcodes.push(qnameOf(child(subcode, "Value")))
    subcode = child(subcode, "Subcode")
  }
  const reasonElement = child(fault, "Reason")
  const texts = reasonElement === undefined
    ? []
    : childrenNamed(reasonElement, "Text").map((t) => ({ lang: langOf(t), text: textOf(t) }))
  const preferred = texts.find((t) => t.lang.toLowerCase().startsWith("en")) ?? texts[0]
  const node = child(fault, "Node")
  const role = child(fault, "Role")
  const detail = child(fault, "Detail")
  return {
    reason: classify(code, envelope),
    soapVersion: "1.2",
    code,
    subcodes,
    text: preferred?.text ?? "",
    texts,
    ...(role === undefined ? {} : { actor: textOf(role) }),
    ...(node === undefined ? {} : { node: textOf(node) }),
    ...(detail === undefined ? {} : { detail: serialize(detail.children) })
  }
}
