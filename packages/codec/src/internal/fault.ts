/**
 * SOAP Faults: the small tree the decoder captures for a `Fault` element, and its reading as a
 * `SoapFault` for SOAP 1.1 (`faultcode`, `faultstring`, `faultactor`, `detail`) and SOAP 1.2
 * (`Code/Value`, nested `Subcode`s, `Reason/Text`, `Node`, `Role`, `Detail`).
 */
import type { QName } from "./annotations.js"
import { escapeAttribute, escapeText } from "./escape.js"
import { SOAP11, XML } from "./namespaces.js"

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

const child = (element: Captured, local: string): Captured | undefined => {
  for (const c of element.children) if (typeof c !== "string" && c.local === local) return c
  return undefined
}

const childrenNamed = (element: Captured, local: string): Array<Captured> =>
  element.children.filter((c): c is Captured => typeof c !== "string" && c.local === local)

const langOf = (element: Captured): string =>
  element.attributes.find((a) => a.namespace === XML && a.name.endsWith("lang"))?.value ?? ""

/** Writes captured content back as XML text, cut at `MAX_DETAIL_LENGTH`. */
const serialize = (nodes: ReadonlyArray<Captured | string>): string => {
  let out = ""
  const go = (node: Captured | string): void => {
    if (out.length > MAX_DETAIL_LENGTH) return
    if (typeof node === "string") {
      out += escapeText(node)
      return
    }
    out += "<" + node.qualifiedName
    for (const a of node.attributes) out += ` ${a.name}="${escapeAttribute(a.value)}"`
    if (node.children.length === 0) {
      out += "/>"
      return
    }
    out += ">"
    for (const c of node.children) go(c)
    out += "</" + node.qualifiedName + ">"
  }
  for (const node of nodes) go(node)
  return out.length > MAX_DETAIL_LENGTH ? out.slice(0, MAX_DETAIL_LENGTH) : out
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

/** What a written fault says. */
export interface FaultToWrite {
  readonly soapVersion: "1.1" | "1.2"
  readonly code: QName
  readonly subcodes?: ReadonlyArray<QName> | undefined
  readonly text: string
  readonly lang?: string | undefined
  readonly actor?: string | undefined
}

/** Writes a SOAP Fault envelope; the code's namespace is declared next to the element holding it. */
export const writeFault = (fault: FaultToWrite, envelope: string): string => {
  const lang = escapeAttribute(fault.lang ?? "en-US")
  const qname = (code: QName, element: string): string =>
    code.namespace === envelope
      ? `<${element}>s:${escapeText(code.name)}</${element}>`
      : code.namespace === ""
      ? `<${element}>${escapeText(code.name)}</${element}>`
      : `<${element} xmlns:c="${escapeAttribute(code.namespace)}">c:${escapeText(code.name)}</${element}>`
  let body: string
  if (envelope === SOAP11) {
    body = qname(fault.code, "faultcode") +
      `<faultstring xml:lang="${lang}">${escapeText(fault.text)}</faultstring>` +
      (fault.actor === undefined ? "" : `<faultactor>${escapeText(fault.actor)}</faultactor>`)
  } else {
    let subcodes = ""
    for (const subcode of [...(fault.subcodes ?? [])].reverse()) {
      subcodes = `<s:Subcode>${qname(subcode, "s:Value")}${subcodes}</s:Subcode>`
    }
    body = `<s:Code>${qname(fault.code, "s:Value")}${subcodes}</s:Code>` +
      `<s:Reason><s:Text xml:lang="${lang}">${escapeText(fault.text)}</s:Text></s:Reason>` +
      (fault.actor === undefined ? "" : `<s:Role>${escapeText(fault.actor)}</s:Role>`)
  }
  return `<s:Envelope xmlns:s="${envelope}"><s:Body><s:Fault>${body}</s:Fault></s:Body></s:Envelope>`
}
