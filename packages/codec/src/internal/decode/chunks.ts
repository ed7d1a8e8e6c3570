/**
 * Text into the parser: the decoder's chunks checked for lone surrogates (saxes lets a trailing high
 * surrogate through), counted against the message limit, and fed in slices short enough that no token
 * grows far past the text limit before it is checked.
 */
import { describeCharacter } from "../escape.js"
import type { Decoder } from "./decoder.js"
import { DecodeFailure, limitError, parseError } from "./location.js"
import { enter, leave, type SaxesBuffers } from "./parser.js"

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** `String.prototype.isWellFormed` (Node 20): no lone surrogates. */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed()

/** Feeds a chunk of decoded text. */
export const writeChunk = (decoder: Decoder, text: string): void => {
  // saxes does not detect a lone high surrogate: hold back a trailing one until its pair arrives,
  // and refuse any text that is not well-formed UTF-16.
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; an empty string prefixes nothing
  let chunk = decoder.pendingHighSurrogate === "" ? text : decoder.pendingHighSurrogate + text
  decoder.pendingHighSurrogate = ""
  // (Of an empty chunk, charCodeAt gives NaN, and NaN & 0xfc00 is 0.)
  if ((chunk.charCodeAt(chunk.length - 1) & 0xfc00) === 0xd800) {
    decoder.pendingHighSurrogate = chunk.slice(-1)
    chunk = chunk.slice(0, -1)
  }
  if (!isWellFormed(chunk)) {
    // Parse up to the bad character first, so that the error has its path and position.
    const at = LONE_SURROGATE.exec(chunk)!.index
    feed(decoder, chunk.slice(0, at))
    decoder.fail(parseError(decoder, "Malformed", `lone surrogate ${describeCharacter(chunk, at)} is not a character`))
  }
  feed(decoder, chunk)
}

const feed = (decoder: Decoder, chunk: string): void => {
  const limits = decoder.limits
  decoder.length += chunk.length
  if (decoder.length > limits.maxMessageLength) decoder.fail(limitError(decoder, "MessageLength", "maxMessageLength"))
  // Feed in slices so that no single run of text is parsed far past the text limit before it is checked.
  // Stryker disable next-line ArithmeticOperator: slices two shorter are as bounded
  const slice = Math.min(65536, limits.maxTextLength + 1)
  for (let start = 0; start < chunk.length;) {
    // A slice may end between the two halves of a surrogate pair: saxes carries a high surrogate over to
    // the next write.
    const end = Math.min(chunk.length, start + slice)
    guard(decoder, chunk.slice(start, end))
    if (pendingTokenLength(decoder) > limits.maxTextLength) {
      decoder.fail(limitError(decoder, "TextLength", "maxTextLength"))
    }
    start = end
  }
}

/** Ends the input: the parser closes, and reports a document that is not complete. */
export const endInput = (decoder: Decoder): void => {
  if (decoder.pendingHighSurrogate !== "") {
    decoder.fail(parseError(decoder, "Malformed", "a lone surrogate is not a character"))
  }
  decoder.closing = true
  guard(decoder, undefined)
}

/**
 * The longest run saxes holds between two events: a text node, attribute value, comment, CDATA section,
 * DOCTYPE or processing instruction (in `text`), a name (in `name`), an entity or a PI target. Read from
 * saxes 6's buffers after each slice, so that no handler pays for it.
 */
const pendingTokenLength = (decoder: Decoder): number => {
  const buffers = decoder.parser as unknown as SaxesBuffers
  return Math.max(buffers.text.length, buffers.name.length, buffers.entity.length, buffers.piTarget.length)
}

/** Writes `text` to the parser (or closes it, given `undefined`) with the decoder's handlers active. */
const guard = (decoder: Decoder, text: string | undefined): void => {
  const previous = enter(decoder)
  try {
    if (text === undefined) decoder.parser.close()
    else decoder.parser.write(text)
  } catch (e) {
    // Anything else is a bug, not bad input (a schema without an XML form, a transformation that throws;
    // saxes itself does not throw once it has an error handler): it goes on as the defect it is.
    // Stryker disable next-line ConditionalExpression: a defect ends the decode; the decoder is not used again
    if (e instanceof DecodeFailure) decoder.failure = e
    throw e
    // Stryker disable next-line BlockStatement: only releases this decoder to the garbage collector
  } finally {
    leave(previous)
  }
}
