/**
 * Text into the parser: the decoder's chunks checked for lone surrogates (saxes lets a trailing high
 * surrogate through), counted against the message limit, and fed in slices short enough that no token
 * grows far past the text limit before it is checked.
 */
import { describeCharacter } from "../escape.js"
import type { Decoder } from "./decoder.js"
import { DecodeFailure, limitError, parseError } from "./location.js"
import { enter, leave } from "./parser.js"

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
    settle(decoder)
    decoder.fail(parseError(decoder, "Malformed", `lone surrogate ${describeCharacter(chunk, at)} is not a character`))
  }
  feed(decoder, chunk)
}

/**
 * Feeds the text of one chunk of bytes, decoded in pieces: counted against the message limit at once, as
 * that text in one chunk would be. Decoded from UTF-8, each piece holds whole characters: there is no
 * surrogate to hold back or refuse (unless text written before ended in half a pair).
 */
export const writePieces = (decoder: Decoder, pieces: ReadonlyArray<string>): void => {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; and after half a pair no text decoded from bytes is read past its first character, the error
  if (decoder.pendingHighSurrogate !== "") return writeChunk(decoder, pieces.join(""))
  let length = 0
  for (const piece of pieces) length += piece.length
  count(decoder, length)
  for (const piece of pieces) parse(decoder, piece)
}

const feed = (decoder: Decoder, chunk: string): void => {
  count(decoder, chunk.length)
  parse(decoder, chunk)
}

/** Counts `length` characters more against the message limit. */
const count = (decoder: Decoder, length: number): void => {
  decoder.length += length
  if (decoder.length > decoder.limits.maxMessageLength) {
    settle(decoder)
    decoder.fail(limitError(decoder, "MessageLength", "maxMessageLength"))
  }
}

const parse = (decoder: Decoder, chunk: string): void => {
  const limits = decoder.limits
  // Feed in slices so that no single run of text is parsed far past the text limit before it is checked.
  // Stryker disable next-line ArithmeticOperator: slices two shorter are as bounded
  const slice = Math.min(65536, limits.maxTextLength + 1)
  for (let start = 0; start < chunk.length;) {
    // A slice may end between the two halves of a surrogate pair: saxes carries a high surrogate over to
    // the next write.
    const end = Math.min(chunk.length, start + slice)
    guard(decoder, chunk.slice(start, end))
    if (decoder.parser.pending > limits.maxTextLength) {
      decoder.fail(limitError(decoder, "TextLength", "maxTextLength"))
    }
    start = end
  }
}

/** Ends the input: the parser closes, and reports a document that is not complete. */
export const endInput = (decoder: Decoder): void => {
  if (decoder.pendingHighSurrogate !== "") {
    settle(decoder)
    decoder.fail(parseError(decoder, "Malformed", "a lone surrogate is not a character"))
  }
  // What the parser holds is read first, as saxes would have read it as it arrived.
  settle(decoder)
  decoder.closing = true
  guard(decoder, CLOSE)
}

/**
 * Before an error of the input's own: the parser reads what it holds, reporting what saxes would have by
 * now (and any error of its own first), so that the error has saxes's path and position.
 */
const settle = (decoder: Decoder): void => guard(decoder, SETTLE)

const CLOSE = 0
const SETTLE = 1

/** Writes `text` to the parser (or closes or settles it) with the decoder's handlers active. */
const guard = (decoder: Decoder, input: string | typeof CLOSE | typeof SETTLE): void => {
  const previous = enter(decoder)
  try {
    if (typeof input === "string") decoder.parser.write(input)
    else if (input === CLOSE) decoder.parser.close()
    else decoder.parser.flush()
  } catch (e) {
    // Anything else is a bug, not bad input (a schema without an XML form, a transformation that throws;
    // saxes itself does not throw once it has an error handler): it goes on as the defect it is.
    // Stryker disable next-line ConditionalExpression: a defect ends the decode; the decoder is not used again
    if (e instanceof DecodeFailure) decoder.failure = e
    throw e
  } finally {
    // The decoder before this one gets the handlers back: a transformation may decode a document of its
    // own while this one is being read.
    leave(previous)
  }
}
