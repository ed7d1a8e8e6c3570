/**
 * Frames: the decoder's record of one open element, reused from element to element, and the kinds of
 * element a frame can stand for.
 */
import type { ElementDecl } from "../schema/plan.js"
import type { Captured } from "./fault.js"
import type { Shape } from "./shape.js"

/** The kinds of frame. */
export const DOCUMENT = 0
export const ENVELOPE = 1
export const HEADER = 2
export const BODY = 3
export const COMPLEX = 4
export const ARRAY = 5
export const SIMPLE = 6
export const NIL = 7
export const SKIP = 8
export const CAPTURE = 9

/** A member or result not seen yet. */
// Stryker disable next-line StringLiteral: a symbol's description is only for people
export const ABSENT: unique symbol = Symbol("absent")

/** One open element: its kind, where it is, and the value it is building. */
// Stryker disable StringLiteral,UnaryOperator,BooleanLiteral: every field is set by push() before it is read (a header frame sets what it reads)
export class Frame {
  kind = DOCUMENT
  name = ""
  position = 0
  /** Where the element's content starts (line and 1-based column), for errors about its value. */
  line = 0
  column = 0
  slot = -1
  shape: Shape | undefined = undefined
  decl: ElementDecl | undefined = undefined
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
