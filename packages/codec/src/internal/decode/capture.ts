/**
 * Fault capture: a SOAP Fault is kept whole, as a small tree of elements and text within a character
 * budget, and read as a `SoapFault` once it closes.
 */
import type { SaxesTag } from "saxes"
import { SoapFault } from "../../XmlError.js"
import { XMLNS } from "../namespaces.js"
import { collapse } from "../schema/lexical.js"
import type { Decoder } from "./decoder.js"
import { type Captured, readFault } from "./fault.js"
import { CAPTURE, type Frame, SKIP } from "./frame.js"
import { location } from "./location.js"

/** Opens a captured element: the Fault, or an element inside it while the budget lasts. */
export const openCapture = (decoder: Decoder, tag: SaxesTag): void => {
  const name = tag.name
  const attributes = tag.attributes as Record<string, string>
  // (Only an element inside the Fault can find the budget spent.)
  if (decoder.captureBudget <= 0) {
    decoder.push(SKIP, decoder.local)
    return
  }
  const captured: Captured = {
    namespace: decoder.uri,
    local: decoder.local,
    qualifiedName: name,
    attributes: Object.keys(attributes).map((attribute) => ({
      name: attribute,
      namespace: attributeNamespace(decoder, attribute),
      value: attributes[attribute]!
    })),
    children: [],
    qnameValue: undefined
  }
  decoder.captureBudget -= name.length * 2 + 16
  for (const attribute of captured.attributes) {
    decoder.captureBudget -= attribute.name.length + attribute.value.length + 4
  }
  const frame = decoder.push(CAPTURE, decoder.local)
  frame.capture = captured
}

/** An attribute's namespace: none without a prefix, but for `xmlns`; its prefixes were checked on opening. */
const attributeNamespace = (decoder: Decoder, name: string): string => {
  if (name === "xmlns") return XMLNS
  const resolved = decoder.scope.attribute(name)
  // Stryker disable next-line ConditionalExpression,StringLiteral: its prefix was checked when the tag opened; no problem comes here
  return "problem" in resolved ? "" : resolved.uri
}

/** Keeps text inside a captured element, within the budget: its detail is cut anyway, and memory stays bounded. */
export const captureText = (decoder: Decoder, frame: Frame, text: string): void => {
  // Stryker disable next-line EqualityOperator: at 0 an empty piece is kept, which reads the same
  if (decoder.captureBudget > 0) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the whole text and a slice of its length are the same
    const kept = text.length > decoder.captureBudget ? text.slice(0, decoder.captureBudget) : text
    decoder.captureBudget -= kept.length
    frame.capture!.children.push(kept)
  }
}

/** Closes a captured element; the Fault itself, once closed, ends the decode as a `SoapFault`. */
export const closeCapture = (decoder: Decoder, frame: Frame): void => {
  const captured = frame.capture!
  if (captured.children.every((c) => typeof c === "string") && captured.children.length > 0) {
    const trimmed = collapse(captured.children.join(""))
    const colon = trimmed.indexOf(":")
    const prefix = colon === -1 ? "" : trimmed.slice(0, colon)
    const namespace = decoder.scope.resolve(prefix)
    if (namespace !== undefined) captured.qnameValue = { namespace, name: trimmed.slice(colon + 1) }
  }
  decoder.top--
  const parent = decoder.stack[decoder.top]!
  if (parent.kind === CAPTURE) {
    parent.capture!.children.push(captured)
    return
  }
  const fault = readFault(captured, decoder.envelopeNamespace)
  decoder.fail(
    new SoapFault({ ...fault, subcodes: [...fault.subcodes], texts: [...fault.texts], ...location(decoder) })
  )
}
