/**
 * The decoder's errors, located: the path of open elements (with positions of array items) and the
 * parser's `line:column`, or those of the element whose value is wrong.
 */
import { type DecodeError, SoapEnvelopeError, XmlDecodeError, XmlLimitError, XmlParseError } from "../../XmlError.js"
import type { Decoder } from "./decoder.js"
import type { Frame } from "./frame.js"
import type { Limits } from "./limits.js"

/** Thrown inside saxes handlers and caught at the decoder's edge: carries the typed error. */
export class DecodeFailure {
  constructor(readonly error: DecodeError) {}
}

/** The path of the open elements (and `extra` below them), with the parser's position or `at`'s. */
export const location = (
  decoder: Decoder,
  extra?: string,
  at?: Frame
): { path: string; line: number; column: number } => {
  let path = ""
  for (let i = 1; i <= decoder.top; i++) {
    const frame = decoder.stack[i]!
    path += "/" + frame.name + (frame.position > 0 ? `[${frame.position}]` : "")
  }
  if (extra !== undefined) path += "/" + extra
  return at === undefined
    ? { path, line: decoder.parser.line, column: decoder.parser.column }
    : { path, line: at.line, column: at.column }
}

/** An invalid value, located where the element's content starts. */
export const valueError = (decoder: Decoder, frame: Frame, detail: string): XmlDecodeError =>
  new XmlDecodeError({ reason: "InvalidValue", detail, ...location(decoder, undefined, frame) })

export const parseError = (decoder: Decoder, reason: XmlParseError["reason"], detail: string): XmlParseError =>
  new XmlParseError({ reason, detail, ...location(decoder) })

export const decodeError = (
  decoder: Decoder,
  reason: XmlDecodeError["reason"],
  detail: string,
  extra?: string
): XmlDecodeError => new XmlDecodeError({ reason, detail, ...location(decoder, extra) })

export const envelopeError = (
  decoder: Decoder,
  reason: SoapEnvelopeError["reason"],
  detail: string,
  extra?: string
): SoapEnvelopeError => new SoapEnvelopeError({ reason, detail, ...location(decoder, extra) })

/** A limit passed: which one, and its value. */
export const limitError = (
  decoder: Decoder,
  reason: XmlLimitError["reason"],
  limit: keyof Limits,
  extra?: string
): XmlLimitError => new XmlLimitError({ reason, limit: decoder.limits[limit], ...location(decoder, extra) })

/** At most 40 characters of `text`, quoted, for a message. */
export const preview = (text: string): string => JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text)
