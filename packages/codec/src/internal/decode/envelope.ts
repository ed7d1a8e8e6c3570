/**
 * The SOAP envelope around a message: the root checked to be an Envelope of SOAP 1.1 or 1.2, the Header
 * (or header blocks written directly under the Envelope, as the vendor's examples do) filling one set of
 * header values in any order, one Body with one element, the message's or a Fault.
 */
import type { SaxesTag } from "saxes"
import { SOAP11, SOAP12 } from "../namespaces.js"
import { setProperty } from "../property.js"
import type { RootPlan } from "../schema/plan.js"
import { openCapture } from "./capture.js"
import { buildObject } from "./complete.js"
import type { Decoder } from "./decoder.js"
import { ABSENT, BODY, ENVELOPE, Frame, HEADER } from "./frame.js"
import { decodeError, envelopeError } from "./location.js"
import { complexShape, slotOf } from "./shape.js"

type EnvelopePlan = Extract<RootPlan, { _tag: "Envelope" }>

/** Opens the root element of a SOAP message: an Envelope. */
export const openEnvelope = (decoder: Decoder): void => {
  const { local, uri } = decoder
  if (local !== "Envelope" || (uri !== SOAP11 && uri !== SOAP12)) {
    decoder.fail(
      envelopeError(decoder, "NotSoap", `the root element is {${uri}}${local}, not a SOAP 1.1 or 1.2 Envelope`, local)
    )
  }
  decoder.envelopeNamespace = uri
  decoder.soapVersion = uri === SOAP11 ? "1.1" : "1.2"
  decoder.push(ENVELOPE, "Envelope")
}

/** The frame that gathers the header values, made when the first header element or block opens. */
export const headerFrame = (decoder: Decoder): Frame => {
  if (decoder.headerFrame === undefined) {
    const plan = decoder.plan as EnvelopePlan
    const frame = new Frame()
    frame.kind = HEADER
    // Stryker disable next-line ArrayDeclaration: the header's value is built by buildObject, never unwrapped
    frame.shape = complexShape(plan.header, [])
    frame.values = new Array(plan.header.members.length).fill(ABSENT)
    frame.ordered = false
    decoder.headerFrame = frame
  }
  return decoder.headerFrame
}

/** Opens an element directly inside the Envelope: the Header, the Body, or a header block. */
export const openInEnvelope = (decoder: Decoder, tag: SaxesTag): void => {
  const local = decoder.local
  if (decoder.uri === decoder.envelopeNamespace) {
    if (local === "Header") {
      if (decoder.sawBody) {
        decoder.fail(envelopeError(decoder, "HeaderAfterBody", "the Header comes after the Body", local))
      }
      if (decoder.sawHeaderElement) decoder.fail(envelopeError(decoder, "DuplicateHeader", "a second Header", local))
      decoder.sawHeaderElement = true
      // Header blocks written directly under the Envelope and those inside the Header element fill
      // one set of values.
      const header = headerFrame(decoder)
      const frame = decoder.push(HEADER, "Header")
      frame.shape = header.shape
      frame.values = header.values
      frame.ordered = false
      return
    }
    if (local === "Body") {
      if (decoder.sawBody) decoder.fail(envelopeError(decoder, "DuplicateBody", "a second Body", local))
      decoder.sawBody = true
      decoder.push(BODY, "Body")
      return
    }
  }
  if (decoder.sawBody) {
    decoder.fail(envelopeError(decoder, "ContentAfterBody", `element ${local} after the Body`, local))
  }
  // A header block written directly under the Envelope, as the vendor's examples do.
  decoder.openMember(headerFrame(decoder), tag)
}

/** Opens the element inside the Body: the message's body element, or a Fault. */
export const openInBody = (decoder: Decoder, body: Frame, tag: SaxesTag): void => {
  const { local, uri } = decoder
  if (body.count++ > 0) {
    decoder.fail(envelopeError(decoder, "UnexpectedBodyElement", "the Body holds more than one element", local))
  }
  if (local === "Fault" && uri === decoder.envelopeNamespace) return openCapture(decoder, tag)
  // Only a SOAP message's plan opens a Body.
  const expected = (decoder.plan as EnvelopePlan).body
  if (local !== expected.name || uri !== expected.namespace) {
    decoder.fail(
      decodeError(
        decoder,
        "UnexpectedElement",
        `expected {${expected.namespace}}${expected.name}, found {${uri}}${local}`,
        local
      )
    )
  }
  // Stryker disable next-line UnaryOperator: the body's value is kept apart, not in a slot
  decoder.openElement(slotOf(expected), tag, -1, 0)
}

/** Closes the Body: it must have held an element. */
export const closeBody = (decoder: Decoder, body: Frame): void => {
  if (body.count === 0) decoder.fail(envelopeError(decoder, "EmptyBody", "the Body is empty"))
  decoder.top--
}

/** Closes the Envelope: the message is its header values and its body's value. */
export const closeEnvelope = (decoder: Decoder): void => {
  const plan = decoder.plan as EnvelopePlan
  if (!decoder.sawBody) decoder.fail(envelopeError(decoder, "MissingBody", "the Envelope has no Body"))
  // The header frame is not on the stack here; its errors name the Header in their path.
  const headerValue = buildObject(decoder, headerFrame(decoder), "Header/")
  decoder.top--
  const message: Record<string, unknown> = {}
  setProperty(message, plan.headerKey, headerValue)
  setProperty(message, plan.bodyKey, decoder.bodyValue)
  decoder.result = message
}
