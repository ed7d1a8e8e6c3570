/**
 * Values completed as their elements close: structs in member order with absent members given their
 * defaults, refinements and transformations applied, and each value handed to the element around it.
 */
import { setProperty } from "../property.js"
import type { Member } from "../schema/plan.js"
import type { Decoder } from "./decoder.js"
import {
  ABSENT,
  ARRAY,
  BODY,
  CAPTURE,
  COMPLEX,
  DOCUMENT,
  ENVELOPE,
  exhaustive,
  type Frame,
  HEADER,
  NIL,
  SIMPLE,
  SKIP
} from "./frame.js"
import { decodeError, valueError } from "./location.js"
import type { ComplexShape, Shape } from "./shape.js"

/** Hands the value of the element `frame` stands for to the element around it, and closes the frame. */
export const complete = (decoder: Decoder, frame: Frame, value: unknown): void => {
  decoder.top--
  const parent = decoder.stack[decoder.top]!
  switch (parent.kind) {
    case COMPLEX:
      setProperty(parent.object!, (parent.shape as ComplexShape).members[frame.slot]!.key, value)
      // Stryker disable next-line UpdateOperator: counted only for closing's fast path (every member present)
      parent.count++
      return
    case HEADER: // a Header element's frame shares the header's values
    case ENVELOPE: // a header block written directly under the Envelope
      decoder.headerFrame!.values![frame.slot] = value
      return
    case ARRAY:
      parent.items!.push(value)
      return
    case BODY:
      decoder.bodyValue = value
      return
    case DOCUMENT:
      decoder.result = value
      return
    // Stryker disable all: elements with a value never open inside these (onOpenTag), and no frame has another kind
    case SIMPLE:
    case NIL:
    case SKIP:
    case CAPTURE:
      throw new Error("a value inside an element that holds none")
    default:
      return exhaustive(parent.kind)
  }
}

// Stryker restore all

/** The value of an ordered complex frame some of whose members were absent, in member order. */
export const withAbsentMembers = (decoder: Decoder, frame: Frame): Record<string, unknown> => {
  const present = frame.object!
  return completeObject(
    decoder,
    (frame.shape as ComplexShape).members,
    (member) => Object.prototype.hasOwnProperty.call(present, member.key) ? present[member.key] : ABSENT,
    ""
  )
}

/** The value of an unordered (header) frame, from its values by member index. */
export const buildObject = (decoder: Decoder, frame: Frame, pathPrefix: string): Record<string, unknown> => {
  const values = frame.values!
  return completeObject(decoder, (frame.shape as ComplexShape).members, (_, i) => values[i], pathPrefix)
}

/** Builds a struct in member order: absent optional members left out, others given their default. */
const completeObject = (
  decoder: Decoder,
  members: ReadonlyArray<Member>,
  valueOf: (member: Member, index: number) => unknown,
  pathPrefix: string
): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!
    let value = valueOf(member, i)
    if (value === ABSENT) {
      if (member.optional) continue
      if (member.defaultValue === undefined) {
        decoder.fail(
          decodeError(decoder, "MissingElement", `element ${member.name} is required`, pathPrefix + member.name)
        )
      }
      value = member.defaultValue()
    }
    setProperty(out, member.key, value)
  }
  return out
}

/** Applies the refinements and transformations of `shape`, innermost first. */
export const unwrap = (decoder: Decoder, frame: Frame, shape: Shape, value: unknown): unknown => {
  const wrappers = shape.wrappers
  for (let i = 0; i < wrappers.length; i++) {
    const wrapper = wrappers[i]!
    if (wrapper._tag === "Refine") {
      const issue = wrapper.check(value)
      if (issue !== undefined) decoder.fail(valueError(decoder, frame, issue))
    } else {
      const result = wrapper.decode(value)
      if (!result.ok) decoder.fail(valueError(decoder, frame, result.message))
      value = result.value
    }
  }
  return value
}
