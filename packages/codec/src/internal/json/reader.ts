/**
 * A strict JSON reader (RFC 8259) with the XML decoder's limits: nesting depth, characters of one string,
 * items of one array or members of one object, characters of the whole input. Objects are `Map`s (any
 * member name is data, `__proto__` included), a member name given twice is an error rather than the last
 * one winning, and an integer a double does not hold exactly is kept as its text (`JsonNumberText`). Errors
 * carry the JSON path and the `line:column` where they were seen.
 *
 * `JSON.parse` is faster, but takes the last of two equal member names and rounds long integers, both of
 * which lose data silently; no maintained library reads JSON with both refused and with limits.
 */
import type { Limits } from "../decode/limits.js"
import { JsonNumberText } from "../schema/annotations.js"

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonNumberText
  | ReadonlyArray<JsonValue>
  | JsonObject

/**
 * A JSON object: its member names and values, in order, as one flat list (`name, value, name, value, …`).
 * Cheaper to make than a `Map` for the many small objects of a response, and any name is data.
 */
export class JsonObject {
  constructor(readonly entries: ReadonlyArray<string | JsonValue>) {}
}

/** Up to this many members, a member name given twice is found by looking through the names; beyond, by a set. */
const FEW_MEMBERS = 8

/** Why the input could not be read, and where. */
export class JsonReadFailure {
  constructor(
    readonly kind: "Parse" | "Limit",
    readonly reason: string,
    readonly detail: string,
    readonly path: string,
    readonly line: number,
    readonly column: number,
    readonly limit: number
  ) {}
}

/** `/`-joined path segments with `~` and `/` escaped, as a JSON Pointer (RFC 6901). */
export const pointer = (segments: ReadonlyArray<string | number>): string =>
  segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")

// Characters a string holds as they are: neither a quote, a backslash nor a control character (RFC 8259 §7).
// eslint-disable-next-line no-control-regex
const PLAIN = /[^"\\\u0000-\u001f]*/y
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y
const ESCAPES: Record<string, string> = {
  "\"": "\"",
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t"
}

/** Reads `text` whole as one JSON value. Throws a `JsonReadFailure`. */
export const readJson = (text: string, limits: Limits): JsonValue => {
  let at = 0
  const path: Array<string | number> = []

  const position = (offset: number): { line: number; column: number } => {
    let line = 1
    let start = 0
    for (let i = 0; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++
        start = i + 1
      }
    }
    return { line, column: offset - start + 1 }
  }
  const refuse = (reason: string, detail: string, offset = at): never => {
    const { column, line } = position(Math.min(offset, text.length))
    throw new JsonReadFailure("Parse", reason, detail, pointer(path), line, column, 0)
  }
  const exceed = (reason: string, limit: number, offset = at): never => {
    const { column, line } = position(Math.min(offset, text.length))
    throw new JsonReadFailure("Limit", reason, "", pointer(path), line, column, limit)
  }
  const unexpected = (): never =>
    at >= text.length
      ? refuse("Truncated", "the input ends inside a value")
      : refuse("Malformed", `unexpected ${JSON.stringify(text[at])}`)

  const space = () => {
    for (;;) {
      const c = text.charCodeAt(at)
      if (c === 32 || c === 10 || c === 13 || c === 9) at++
      else return
    }
  }

  const string = (): string => {
    // at is on the opening quote
    const start = at
    at++
    // Most strings have no escape: read to the closing quote, and take the slice as it is. (A fast path: the
    // loop below reads any string the same, so its mutants are equivalent.)
    let end = at
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a fast path, as above
    for (let c = text.charCodeAt(end); c !== 34 && c !== 92 && c >= 32; c = text.charCodeAt(++end));
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator,BlockStatement: as above
    if (text.charCodeAt(end) === 34 && end - at <= limits.maxTextLength) {
      const plain = text.slice(at, end)
      at = end + 1
      return plain
    }
    let out = ""
    for (;;) {
      PLAIN.lastIndex = at
      PLAIN.exec(text)
      out += text.slice(at, PLAIN.lastIndex)
      at = PLAIN.lastIndex
      if (out.length > limits.maxTextLength) exceed("TextLength", limits.maxTextLength, start)
      const c = text.charCodeAt(at)
      if (c === 34) {
        at++
        return out
      }
      if (c === 92) {
        const e = text[at + 1]
        if (e === "u") {
          const hex = text.slice(at + 2, at + 6)
          // Stryker disable next-line Regex: of at most four characters, four digits are the whole of them
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            // Digits cut short by the end of the input: the input is cut, the escape may be right.
            if (/^[0-9a-fA-F]*$/.test(hex)) refuse("Truncated", "the input ends inside a string", text.length)
            refuse("Malformed", "a \\u escape needs four hexadecimal digits", at)
          }
          out += String.fromCharCode(parseInt(hex, 16))
          at += 6
        } else if (e === undefined) {
          refuse("Truncated", "the input ends inside a string", text.length)
        } else if (Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e]
          at += 2
        } else {
          refuse("Malformed", `\\${e} is no escape`, at)
        }
      } else if (at >= text.length) {
        refuse("Truncated", "the input ends inside a string", at)
      } else {
        refuse("Malformed", "a control character inside a string must be escaped", at)
      }
    }
  }

  const number = (): number | JsonNumberText => {
    // Most numbers are small integers: read their digits as they come. (A fast path: the regular expression
    // below reads any number the same, so its mutants are equivalent.)
    let end = at
    let n = 0
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator,UpdateOperator: a fast path, as above
    for (let c = text.charCodeAt(end); c >= 48 && c <= 57 && end - at < 15; c = text.charCodeAt(++end)) {
      n = n * 10 + (c - 48)
    }
    const next = text.charCodeAt(end)
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: as above
    if (end > at && !(next >= 48 && next <= 57) && next !== 46 && next !== 101 && next !== 69) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator,BlockStatement: as above
      if (end - at === 1 || text.charCodeAt(at) !== 48) {
        at = end
        return n
      }
    }
    NUMBER.lastIndex = at
    const match = NUMBER.exec(text)
    if (match === null) return unexpected()
    const literal = match[0]
    at += literal.length
    const value = Number(literal)
    // A number a double does not give back as written keeps its digits (an integer beyond 2^53, a decimal of
    // more digits than a double holds, `1.50`, `-0`): a decimal or a long reads them, a double reads the
    // text. Every form reads the text as it reads the number, so a number is only the cheaper of the two.
    // Stryker disable next-line ConditionalExpression: as above
    return String(value) === literal ? value : new JsonNumberText(literal)
  }

  const literal = (word: string, value: JsonValue): JsonValue => {
    if (text.startsWith(word, at)) {
      at += word.length
      return value
    }
    // Cut short inside the word: where the input ends, as for a string or a structure cut short.
    return word.startsWith(text.slice(at))
      ? refuse("Truncated", "the input ends inside a value", text.length)
      : unexpected()
  }

  const value = (depth: number): JsonValue => {
    space()
    const c = text.charCodeAt(at)
    switch (c) {
      case 34:
        return string()
      case 123:
        return object(depth + 1)
      case 91:
        return array(depth + 1)
      case 116:
        return literal("true", true)
      case 102:
        return literal("false", false)
      case 110:
        return literal("null", null)
      default:
        // A number, or nothing a value starts with (which no number matches either).
        return number()
    }
  }

  const object = (depth: number): JsonObject => {
    if (depth > limits.maxDepth) exceed("Depth", limits.maxDepth)
    at++
    const out: Array<string | JsonValue> = []
    space()
    if (text.charCodeAt(at) === 125) {
      at++
      return new JsonObject(out)
    }
    let names: Set<string> | undefined
    for (;;) {
      space()
      if (text.charCodeAt(at) !== 34) unexpected()
      const keyAt = at
      const key = string()
      const size = out.length >> 1
      if (size >= limits.maxItems) exceed("Items", limits.maxItems, keyAt)
      let given = false
      // A fast path: past a few members the names are looked up in a set, which finds what the loop finds.
      // Stryker disable next-line ConditionalExpression: as above
      if (names !== undefined) {
        given = names.has(key)
        names.add(key)
      } else {
        // Stryker disable next-line EqualityOperator: one step more reads past the entries, and finds no name
        for (let i = 0; i < out.length; i += 2) given ||= out[i] === key
        // Stryker disable next-line ConditionalExpression,EqualityOperator: as above
        if (size === FEW_MEMBERS) names = new Set(out.filter((_, i) => i % 2 === 0) as Array<string>).add(key)
      }
      if (given) refuse("DuplicateKey", `the member ${JSON.stringify(key)} is given twice`, keyAt)
      space()
      if (text.charCodeAt(at) !== 58) unexpected()
      at++
      path.push(key)
      out.push(key, value(depth))
      path.pop()
      space()
      const c = text.charCodeAt(at)
      at++
      if (c === 125) return new JsonObject(out)
      if (c !== 44) {
        at--
        unexpected()
      }
    }
  }

  const array = (depth: number): ReadonlyArray<JsonValue> => {
    if (depth > limits.maxDepth) exceed("Depth", limits.maxDepth)
    at++
    const out: Array<JsonValue> = []
    space()
    if (text.charCodeAt(at) === 93) {
      at++
      return out
    }
    for (;;) {
      if (out.length >= limits.maxItems) exceed("Items", limits.maxItems)
      path.push(out.length)
      out.push(value(depth))
      path.pop()
      space()
      const c = text.charCodeAt(at)
      at++
      if (c === 93) return out
      if (c !== 44) {
        at--
        unexpected()
      }
    }
  }

  if (text.length > limits.maxMessageLength) exceed("MessageLength", limits.maxMessageLength, limits.maxMessageLength)
  space()
  if (at >= text.length) refuse("Empty", "no JSON value")
  const result = value(0)
  space()
  if (at < text.length) refuse("Malformed", `text after the value: ${JSON.stringify(text.slice(at, at + 20))}`)
  return result
}
