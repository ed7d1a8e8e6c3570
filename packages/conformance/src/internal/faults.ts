/**
 * SOAP Faults for the fault law: any the codec can write, and what reading each must give back.
 */
import type { XmlCodec, XmlError } from "@erpsync/codec"
import * as fc from "fast-check"
import { type Element, parseTree } from "../Variants.js"
import { SOAP11, SOAP12, XML } from "./namespaces.js"

// Text XML 1.0 can carry: no control characters but tab, line feed and carriage return, no lone surrogates,
// no U+FFFE or U+FFFF.
const xmlChars = fc.string({ unit: "binary", minLength: 1, maxLength: 4 }).filter((text) =>
  /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u.test(text)
)
// What escaping must get right, often: markup characters, quotes, and the white space a reader normalises.
const special = fc.constantFrom("\t", "\n", "\r", "\r\n", "&", "<", ">", "\"", "'", " ", "]]>", "&amp;")
const xmlText = fc.array(fc.oneof(special, xmlChars), { maxLength: 12 }).map((parts) => parts.join(""))
const ncName = fc.stringMatching(/^[A-Za-z_][\w.-]{0,12}$/)

// Any text in the attribute that declares a namespace: escaping (`&`, `<`, `"`, and tab, line feed and
// carriage return, which attribute-value normalisation would turn into spaces) is a property of its own.
// (A namespace name is read trimmed, as saxes reads every one: a URI has no spaces at its ends.)
const anyNamespace = xmlText.map((text) => `urn:x:${text}:end`)

const qname = (envelope: string) =>
  fc.record({
    namespace: fc.oneof(
      fc.constant(envelope),
      fc.constantFrom("urn:erpsync:faults", "http://example.com/a?b=1&c=\"2\""),
      fc.constant(""),
      anyNamespace
    ),
    name: ncName
  }, { noNullPrototype: true })
const language = fc.stringMatching(/^[a-z]{2,3}(-[A-Z]{2})?$/)

const detailNamespace = fc.oneof(
  fc.constantFrom("", "urn:erpsync:detail", "http://schemas.datacontract.org/2004/07/System.ServiceModel"),
  anyNamespace
)
const detailAttribute = fc.oneof(
  fc.record({ namespace: detailNamespace, name: ncName.filter((name) => name !== "xmlns"), value: xmlText }, {
    noNullPrototype: true
  }),
  fc.record({ namespace: fc.constant(XML), name: fc.constant("lang"), value: language }, { noNullPrototype: true })
)
const { element: detailElement } = fc.letrec<{ element: XmlCodec.FaultDetail }>((tie) => ({
  element: fc.record({
    namespace: detailNamespace,
    name: ncName,
    attributes: fc.uniqueArray(detailAttribute, { maxLength: 3, selector: (a) => `${a.namespace} ${a.name}` }),
    children: fc.array(fc.oneof({ maxDepth: 2 }, xmlText, tie("element")), { maxLength: 3 })
  }, { noNullPrototype: true })
}))

/**
 * A Fault the codec writes: either version, subcodes in SOAP 1.2, and optionally an actor (Role), a Node
 * (SOAP 1.2) and a detail of text and elements with attributes in any namespace.
 */
export const faults: fc.Arbitrary<XmlCodec.Fault> = fc.constantFrom("1.1" as const, "1.2" as const).chain(
  (soapVersion) => {
    const envelope = soapVersion === "1.1" ? SOAP11 : SOAP12
    return fc.record({
      soapVersion: fc.constant(soapVersion),
      code: qname(envelope),
      subcodes: soapVersion === "1.1" ? fc.constant([]) : fc.array(qname("urn:erpsync:faults"), { maxLength: 3 }),
      text: xmlText,
      lang: language,
      actor: fc.option(xmlText, { nil: undefined }),
      node: soapVersion === "1.1" ? fc.constant(undefined) : fc.option(xmlText, { nil: undefined }),
      detail: fc.option(fc.array(fc.oneof(xmlText, detailElement), { maxLength: 3 }), { nil: undefined })
    }, { noNullPrototype: true })
  }
)

/** Content compared as a reader sees it: adjacent text joined, empty text gone. */
const normalized = (content: ReadonlyArray<Element | string>): Array<Element | string> => {
  const out: Array<Element | string> = []
  for (const node of content) {
    if (typeof node !== "string") {
      out.push({ ...node, children: normalized(node.children) })
    } else if (node !== "") {
      const last = out.length - 1
      if (typeof out[last] === "string") out[last] += node
      else out.push(node)
    }
  }
  return out
}

const treeOf = (content: ReadonlyArray<XmlCodec.FaultDetail | string>): Array<Element | string> =>
  normalized(content.map((node) =>
    typeof node === "string" ? node : {
      uri: node.namespace,
      local: node.name,
      attributes: (node.attributes ?? []).map((a) => ({ uri: a.namespace ?? "", local: a.name, value: a.value })),
      children: treeOf(node.children ?? [])
    }
  ))

/** The parts of a read `SoapFault` the law compares, its detail as the tree its XML text parses to alone. */
export const readingOf = (read: XmlError.SoapFault) => ({
  soapVersion: read.soapVersion,
  code: read.code,
  subcodes: read.subcodes,
  text: read.text,
  texts: read.texts,
  actor: read.actor,
  node: read.node,
  detail: read.detail === undefined ? undefined : normalized(parseTree(`<detail>${read.detail}</detail>`).children)
})

/** What reading a written Fault must give. */
export const expectedReading = (fault: XmlCodec.Fault): ReturnType<typeof readingOf> => ({
  soapVersion: fault.soapVersion,
  code: fault.code,
  subcodes: fault.subcodes ?? [],
  text: fault.text,
  texts: [{ lang: fault.lang ?? "en-US", text: fault.text }],
  actor: fault.actor,
  node: fault.node,
  detail: fault.detail === undefined ? undefined : treeOf(fault.detail)
})
