/**
 * XSD lexical rules (XML Schema Part 2) for the simple types the codec knows.
 */
import type { LexicalResult } from "./annotations.js"
import { roundToFloat32 } from "./float32.js"

/** A value read or written. */
export const ok = <A>(value: A): LexicalResult<A> => ({ ok: true, value })

/** Why a text or a value is not one of the type's. */
export const fail = (message: string): LexicalResult<never> => ({ ok: false, message })

/** `whiteSpace="collapse"`: tabs, newlines and CRs become spaces, runs of spaces become one, ends trimmed. */
export const collapse = (text: string): string => {
  // Fast path: most values are already collapsed.
  // Stryker disable next-line Regex: a wider test only sends more text down the general rule, to the same result
  if (!/[\t\n\r]| {2}|^ | $/.test(text)) return text
  return text.replace(/[\t\n\r ]+/g, " ").trim()
}

const INTEGER = /^[+-]?[0-9]+$/

/**
 * The common case read without regular expressions: an optional `-` and 1 to 9 digits (always within
 * 32 bits). `undefined` for anything else, which the general rule then reads.
 */
// Stryker disable BlockStatement,ConditionalExpression,EqualityOperator,ArithmeticOperator: a fast path; a text it gives up on is read by the general rule, to the same value
const plainInteger = (text: string): number | undefined => {
  const negative = text.charCodeAt(0) === 45
  const start = negative ? 1 : 0
  const length = text.length
  if (length === start || length - start > 9) return undefined
  let value = 0
  for (let i = start; i < length; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return undefined
    value = value * 10 + digit
  }
  // Stryker restore BlockStatement,ConditionalExpression,EqualityOperator,ArithmeticOperator
  return negative && value !== 0 ? -value : value
}

/** Reads an XSD integer type bounded by `min` and `max` (`xs:int`, `xs:short`, ...). */
export const parseBoundedInteger =
  (typeName: string, min: number, max: number) => (text: string): LexicalResult<number> => {
    const fast = plainInteger(text)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the general rule reads what the fast path leaves to it the same
    if (fast !== undefined && fast >= min && fast <= max) return ok(fast)
    const collapsed = collapse(text)
    if (!INTEGER.test(collapsed)) return fail(`${JSON.stringify(text)} is not a valid ${typeName}`)
    const value = Number(collapsed)
    if (value < min || value > max) {
      return fail(`${JSON.stringify(text)} is outside the range of ${typeName} (${min} to ${max})`)
    }
    // Number("-0") is -0; the value space of an integer type has a single zero.
    return ok(value === 0 ? 0 : value)
  }

/** Writes an XSD integer type bounded by `min` and `max`. */
export const formatBoundedInteger =
  (typeName: string, min: number, max: number) => (value: number): LexicalResult<string> =>
    Number.isInteger(value) && value >= min && value <= max
      ? ok(String(value)) // String(-0) is "0"
      : fail(`${String(value)} is not a valid ${typeName}`)

/** Reads `xs:boolean`: `true`, `false`, `1` or `0` after whitespace collapsing. */
export const parseBoolean = (text: string): LexicalResult<boolean> => {
  switch (collapse(text)) {
    case "true":
    case "1":
      return ok(true)
    case "false":
    case "0":
      return ok(false)
    default:
      return fail(`${JSON.stringify(text)} is not a valid xs:boolean`)
  }
}

/** Writes `xs:boolean` in its canonical form. */
export const formatBoolean = (value: boolean): LexicalResult<string> =>
  typeof value === "boolean" ? ok(value ? "true" : "false") : fail(`${String(value)} is not a valid xs:boolean`)

const DOUBLE = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/

/** Reads `xs:double`, including `INF`, `-INF` and `NaN`. */
export const parseDouble = (text: string): LexicalResult<number> => {
  const collapsed = collapse(text)
  switch (collapsed) {
    case "INF":
    case "+INF":
      return ok(Number.POSITIVE_INFINITY)
    case "-INF":
      return ok(Number.NEGATIVE_INFINITY)
    case "NaN":
      return ok(Number.NaN)
  }
  return DOUBLE.test(collapsed) ? ok(Number(collapsed)) : fail(`${JSON.stringify(text)} is not a valid xs:double`)
}

/** Writes `xs:double`. */
export const formatDouble = (value: number): LexicalResult<string> => {
  if (typeof value !== "number") return fail(`${String(value)} is not a valid xs:double`)
  // Stryker disable next-line ConditionalExpression: String(NaN) is "NaN" too
  if (Number.isNaN(value)) return ok("NaN")
  if (value === Number.POSITIVE_INFINITY) return ok("INF")
  if (value === Number.NEGATIVE_INFINITY) return ok("-INF")
  return ok(Object.is(value, -0) ? "-0" : String(value))
}

/**
 * A copy of `text` that does not keep the string it was cut from alive: V8 represents a slice of 13 or
 * more characters as a view into its parent, so a decoded value would otherwise pin the whole input.
 */
// Stryker disable next-line ConditionalExpression,EqualityOperator: the copy and the slice are the same text (only memory tells them apart)
export const detach = (text: string): string => text.length < 13 ? text : (" " + text).slice(1)

/** Reads `xs:string`: the text exactly as the parser delivered it (never trimmed), detached from the input. */
export const parseString = (text: string): LexicalResult<string> => ok(detach(text))

/** Writes `xs:string`. */
export const formatString = (value: string): LexicalResult<string> =>
  typeof value === "string" ? ok(value) : fail(`${String(value)} is not a string`)

/** Reads an enumeration of string literals after whitespace collapsing (the XSD default for restrictions of `xs:string` tokens). */
export const parseEnumeration = (typeName: string, values: ReadonlyArray<string>) => {
  // The canonical value is returned, never the input's text.
  const canonical = new Map(values.map((v) => [v, v]))
  return (text: string): LexicalResult<string> => {
    const value = canonical.get(collapse(text))
    return value !== undefined
      ? ok(value)
      : fail(`${JSON.stringify(text)} is not one of ${typeName}'s values (${values.join(", ")})`)
  }
}

/** Writes an enumeration value. */
export const formatEnumeration = (typeName: string, values: ReadonlyArray<string>) => {
  const set = new Set(values)
  return (value: string): LexicalResult<string> =>
    set.has(value) ? ok(value) : fail(`${JSON.stringify(value)} is not one of ${typeName}'s values`)
}

/** Reads an `xs:list`: items separated by whitespace, each read by `item`. */
export const parseList = <A>(item: (text: string) => LexicalResult<A>) => (text: string): LexicalResult<Array<A>> => {
  const collapsed = collapse(text)
  if (collapsed === "") return ok([])
  const out: Array<A> = []
  for (const token of collapsed.split(" ")) {
    const result = item(token)
    if (!result.ok) return result
    out.push(result.value)
  }
  return ok(out)
}

/** Writes an `xs:list`: items separated by single spaces. */
export const formatList =
  <A>(item: (value: A) => LexicalResult<string>) => (values: ReadonlyArray<A>): LexicalResult<string> => {
    if (!Array.isArray(values)) return fail(`${String(values)} is not a list`)
    const out: Array<string> = []
    for (const value of values) {
      const result = item(value)
      if (!result.ok) return result
      if (result.value === "" || /[\t\n\r ]/.test(result.value)) {
        return fail(`${JSON.stringify(result.value)} cannot be an item of an xs:list`)
      }
      out.push(result.value)
    }
    return ok(out.join(" "))
  }

/** Reads an XSD integer type bounded by `min` and `max` as a `bigint` (`xs:long`, `xs:unsignedLong`). */
export const parseBigInteger =
  (typeName: string, min: bigint, max: bigint) => (text: string): LexicalResult<bigint> => {
    const collapsed = collapse(text)
    if (!INTEGER.test(collapsed)) return fail(`${JSON.stringify(text)} is not a valid ${typeName}`)
    const value = BigInt(collapsed)
    return value < min || value > max
      ? fail(`${JSON.stringify(text)} is outside the range of ${typeName} (${min} to ${max})`)
      : ok(value)
  }

/** Writes an XSD integer type bounded by `min` and `max` from a `bigint`. */
export const formatBigInteger =
  (typeName: string, min: bigint, max: bigint) => (value: bigint): LexicalResult<string> =>
    typeof value === "bigint" && value >= min && value <= max
      ? ok(value.toString())
      : fail(`${String(value)} is not a valid ${typeName}`)

/** Reads `xs:float`: the 32-bit float nearest to the text's exact value (ties to even), `INF`, `-INF`, `NaN`. */
export const parseFloat = (text: string): LexicalResult<number> => {
  const result = parseDouble(text)
  return result.ok
    ? ok(roundToFloat32(collapse(text), result.value))
    : fail(`${JSON.stringify(text)} is not a valid xs:float`)
}

/**
 * Writes `xs:float` in the fewest significant digits that read back as the same 32-bit float (`0.1`, not
 * `0.10000000149011612`), as .NET writes a `float`; a number that is not one is refused, not rounded.
 */
export const formatFloat = (value: number): LexicalResult<string> => {
  if (typeof value !== "number" || !(Number.isNaN(value) || Object.is(Math.fround(value), value))) {
    return fail(`${String(value)} is not a valid xs:float (a 32-bit float)`)
  }
  if (!Number.isFinite(value)) return formatDouble(value)
  // Stryker disable next-line ConditionalExpression: a fast path; below, 0 reads back at one digit and -0 never, ending at formatDouble
  if (value === 0) return formatDouble(value)
  // The first precision that reads back has no trailing zero: without it, one digit fewer would have.
  for (let digits = 1; digits <= 9; digits++) {
    const text = value.toPrecision(digits)
    if (Object.is(roundToFloat32(text, Number(text)), value)) return ok(text)
  }
  return formatDouble(value)
}

/** The lexical space of `xs:decimal`: no exponent, at least one digit. */
export const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/

/** Reads `xs:decimal`, kept as its (collapsed) lexical form so that no digit is lost. */
export const parseDecimal = (text: string): LexicalResult<string> => {
  const collapsed = collapse(text)
  return DECIMAL.test(collapsed) ? ok(detach(collapsed)) : fail(`${JSON.stringify(text)} is not a valid xs:decimal`)
}

/** Writes `xs:decimal`. */
export const formatDecimal = (value: string): LexicalResult<string> =>
  typeof value === "string" && DECIMAL.test(value)
    ? ok(value)
    : fail(`${JSON.stringify(value)} is not a valid xs:decimal`)

/** Reads a collapsed token type (`xs:anyURI`): the text after whitespace collapsing. */
export const parseCollapsed = (text: string): LexicalResult<string> => ok(detach(collapse(text)))

/** Writes a collapsed token type: a value that whitespace collapsing leaves as it is. */
export const formatCollapsed = (typeName: string) => (value: string): LexicalResult<string> =>
  typeof value === "string" && collapse(value) === value
    ? ok(value)
    : fail(`${JSON.stringify(value)} is not a valid ${typeName}: its whitespace would be collapsed`)
