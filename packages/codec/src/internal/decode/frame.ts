/**
 * Frames: the decoder's record of one open element, reused from element to element, and the kinds of
 * element a frame can stand for.
 */
import type { Captured } from "./fault.js"
import type { Shape } from "./shape.js"

/** The kinds of frame: small integers, so that a switch over them is a jump table. */
/** Outside the root element. */
export const DOCUMENT = 0
/** A SOAP Envelope. */
export const ENVELOPE = 1
/** A SOAP Header element (header blocks written directly under the Envelope fill the same values). */
export const HEADER = 2
/** A SOAP Body. */
export const BODY = 3
/** An element of a complex type, its members in sequence order. */
export const COMPLEX = 4
/** An element holding an array's items. */
export const ARRAY = 5
/** An element of a simple type: text only. */
export const SIMPLE = 6
/** An element with `xsi:nil="true"`: nothing inside. */
export const NIL = 7
/** An element the schema does not know, skipped with everything inside it. */
export const SKIP = 8
/** A SOAP Fault, or an element inside it, captured whole. */
export const CAPTURE = 9

export type FrameKind =
  | typeof DOCUMENT
  | typeof ENVELOPE
  | typeof HEADER
  | typeof BODY
  | typeof COMPLEX
  | typeof ARRAY
  | typeof SIMPLE
  | typeof NIL
  | typeof SKIP
  | typeof CAPTURE

/**
 * Ends a switch over frame kinds that handles every one: TypeScript refuses the call when a kind is
 * left out, as its argument is then not `never`.
 */
// Stryker disable all: unreachable when every kind is handled
export const exhaustive = (kind: never): never => {
  throw new Error(`a frame of unknown kind ${String(kind)}`)
}
// Stryker restore all

/** A member or result not seen yet. */
// Stryker disable next-line StringLiteral: a symbol's description is only for people
export const ABSENT: unique symbol = Symbol("absent")

/** One open element: its kind, where it is, and the value it is building. */
// Stryker disable StringLiteral,UnaryOperator,BooleanLiteral: every field is set by push() before it is read (a header frame sets what it reads)
export class Frame {
  kind: FrameKind = DOCUMENT
  name = ""
  position = 0
  /** Where the element's content starts (line and 1-based column), for errors about its value. */
  line = 0
  column = 0
  slot = -1
  shape: Shape | undefined = undefined
  /** Member values of an unordered (header) frame, by member index. */
  values: Array<unknown> | undefined = undefined
  /** The value of an ordered complex frame, filled member by member in sequence order. */
  object: Record<string, unknown> | undefined = undefined
  last = -1
  items: Array<unknown> | undefined = undefined
  text = ""
  count = 0
  ordered = true
  capture: Captured | undefined = undefined
}
// Stryker restore StringLiteral,UnaryOperator,BooleanLiteral
