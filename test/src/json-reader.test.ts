/**
 * The JSON reader against `JSON.parse` (V8's, which follows RFC 8259) as the oracle: on any JSON text it
 * reads the same value (objects in order, integers beyond a double kept as their digits); a text changed in
 * one place (a character left out, one added, the text cut short) is read exactly when `JSON.parse` reads
 * it, save a member name given twice, which it refuses where `JSON.parse` keeps the last; a text cut short
 * is `Truncated` at its end, a character added where no value may have it `Malformed` at that character.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { defaultLimits } from "../../packages/codec/src/internal/decode/limits.js"
import { JsonObject, JsonReadFailure, type JsonValue, readJson } from "../../packages/codec/src/internal/json/reader.js"
import { JsonNumberText } from "../../packages/codec/src/internal/schema/annotations.js"
import { pointerOf, replaced } from "./support/jsonPaths.js"

const RUNS = Number(process.env["ERPSYNC_JSON_RUNS"] ?? 200)

/** A value read, as `JSON.parse` gives it: objects as plain objects, kept digits as the number they stand for. */
const plain = (value: JsonValue): unknown => {
  if (value instanceof JsonNumberText) return Number(value.text)
  if (Array.isArray(value)) return value.map(plain)
  if (value instanceof JsonObject) {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < value.entries.length; i += 2) {
      Object.defineProperty(out, value.entries[i] as string, {
        value: plain(value.entries[i + 1] as JsonValue),
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
    return out
  }
  return value
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly failure: JsonReadFailure }

const read = (text: string): Outcome => {
  try {
    return { ok: true, value: plain(readJson(text, defaultLimits)) }
  } catch (e) {
    if (e instanceof JsonReadFailure) return { ok: false, failure: e }
    throw e
  }
}

const parse = (text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** The line and column (from 1) of `offset` in `text`. */
const place = (text: string, offset: number) => {
  const before = text.slice(0, offset).split("\n")
  return { line: before.length, column: before[before.length - 1]!.length + 1 }
}

/** `text` (JSON) with a space before and after every token outside strings, empty containers included. */
const spaced = (text: string): string => {
  let out = ""
  let inside = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (inside) {
      out += c
      if (c === "\\") out += text[++i]
      else if (c === "\"") {
        inside = false
        out += " "
      }
    } else if (c === "\"") {
      inside = true
      out += ` ${c}`
    } else {
      out += "[]{},:".includes(c) ? ` ${c} ` : c
    }
  }
  return ` ${out} `
}

/**
 * JSON texts in the styles a writer may use: compact, indented with spaces or tabs, CR LF line ends, and
 * space around every token.
 */
const texts = fc.tuple(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t", "\r\n", "spaced")).map(
  ([value, style]) =>
    style === "\r\n"
      ? JSON.stringify(value, null, 1).replace(/\n/g, "\r\n")
      : style === "spaced"
      ? spaced(JSON.stringify(value))
      : JSON.stringify(value, null, style)
)

/** The paths of the values of a JSON value, deep, itself first. */
const pathsOf = (json: unknown, path: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> => [
  path,
  ...(Array.isArray(json)
    ? json.flatMap((item, i) => pathsOf(item, [...path, i]))
    : typeof json === "object" && json !== null
    ? Object.entries(json).flatMap(([key, value]) => pathsOf(value, [...path, key]))
    : [])
]

const MARK = "\u0000mark"

/** `json` with the value at `path` replaced by a string no generated value holds (a copy). */
const marked = (json: unknown, path: ReadonlyArray<string | number>): unknown => replaced(json, path, MARK)

/** Whether the character at `offset` of a JSON text is inside a string (its quotes included). */
const inString = (text: string, offset: number): boolean => {
  let inside = false
  for (let i = 0; i < offset; i++) {
    if (inside && text[i] === "\\") i++
    else if (text[i] === "\"") inside = !inside
  }
  return inside || text[offset] === "\""
}

describe("the JSON reader's errors name the place of the value", () => {
  it("a value no JSON has, anywhere: Malformed at its path and its line:column", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom(undefined, 2), (json, n, indent) => {
        const paths = pathsOf(json)
        const path = paths[n % paths.length]!
        const withMark = JSON.stringify(marked(json, path), null, indent)
        const at = withMark.indexOf(JSON.stringify(MARK))
        const text = withMark.replace(JSON.stringify(MARK), "#")
        const got = read(text)
        if (got.ok) throw new Error(`read ${text}`)
        expect(got.failure).toMatchObject({ reason: "Malformed", path: pointerOf(path) })
        expect({ line: got.failure.line, column: got.failure.column }).toStrictEqual(place(text, at))
      }),
      { numRuns: RUNS }
    )
  })

  it("a member name given twice: DuplicateKey at the object's path and the second name, in a small or a large object", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.integer({ min: 1, max: 20 }), fc.nat(), (json, n, size, which) => {
        const paths = pathsOf(json)
        const path = paths[n % paths.length]!
        const names = Array.from({ length: size }, (_, i) => `"k${i}":${i}`)
        const again = `"k${which % size}":true`
        const object = `{${names.join(",")},${again}}`
        const withMark = JSON.stringify(marked(json, path))
        const at = withMark.indexOf(JSON.stringify(MARK))
        const text = withMark.replace(JSON.stringify(MARK), object)
        const got = read(text)
        if (got.ok) throw new Error(`read ${text}`)
        expect(got.failure).toMatchObject({ reason: "DuplicateKey", path: pointerOf(path) })
        expect(got.failure.column).toBe(at + object.indexOf(again) + 1)
      }),
      { numRuns: RUNS }
    )
  })
})

describe("the JSON reader's errors, one by one: refused when JSON.parse refuses, at the place that breaks", () => {
  // The place: the escape's backslash, the character no value may have; the end of the input for a text
  // cut short (one past its last character).
  it.each([
    ["a \\u escape cut short by the end of the input", "\"\\u12", "Truncated", 1, 6],
    ["a \\u escape of fewer than four digits", "\"\\u12\"", "Malformed", 1, 2],
    ["a \\u escape of other characters", "\"\\uZZZZ\"", "Malformed", 1, 2],
    ["a backslash ending the input", "\"ab\\", "Truncated", 1, 5],
    ["a backslash before no escape", "\"a\\x\"", "Malformed", 1, 3],
    ["a line end inside a string", "[\n\"a\nb\"]", "Malformed", 2, 3],
    ["a number with a plus sign", "+1", "Malformed", 1, 1],
    ["a number without its integer part", "[.5]", "Malformed", 1, 2],
    ["a member without its colon", "{\"a\" 1}", "Malformed", 1, 6],
    ["a member with another character for its colon", "{\"a\"=1}", "Malformed", 1, 5],
    ["items without a comma between them", "[1 2]", "Malformed", 1, 4],
    ["an array closed by a brace", "[1}", "Malformed", 1, 3],
    ["members without a comma between them", "{\"a\":1 \"b\":2}", "Malformed", 1, 8],
    ["an object closed by a bracket", "{\"a\":1]", "Malformed", 1, 7]
  ])("%s", (_, text, reason, line, column) => {
    expect(parse(text), "the oracle").toStrictEqual({ ok: false })
    expect(read(text)).toMatchObject({ ok: false, failure: { kind: "Parse", reason, line, column } })
  })
})

describe("the JSON reader's limits: a value at the limit is read, one past it refused where it passes it", () => {
  const limits = { ...defaultLimits, maxDepth: 3, maxTextLength: 6, maxItems: 3, maxMessageLength: 40 }
  const within = (text: string) => expect(plain(readJson(text, limits))).toStrictEqual(JSON.parse(text))
  const past = (text: string, reason: string, column: number) => {
    let failure: unknown
    try {
      readJson(text, limits)
    } catch (e) {
      failure = e
    }
    expect(failure).toMatchObject({ kind: "Limit", reason, column })
  }
  it.each([
    ["depth", `[[{"a":1}]]`, `[[{"a":[1]}]]`, "Depth", 8],
    ["depth, past it in an object", `[[{"a":1}]]`, `[[{"a":{}}]]`, "Depth", 8],
    ["a string's length", `"abcdef"`, `"abcdefg"`, "TextLength", 1],
    ["a string's length, with escapes", String.raw`"a\\b\u0041\"d"`, String.raw`"a\\b\u0041\"de"`, "TextLength", 1],
    ["an array's items", `[1,2,3]`, `[1,2,3,4]`, "Items", 8],
    ["an object's members", `{"a":1,"b":2,"c":3}`, `{"a":1,"b":2,"c":3,"d":4}`, "Items", 20],
    [
      "the input's length",
      `[${"1,".repeat(1)}"${"x".repeat(6)}",${" ".repeat(26)}1]`,
      `[${" ".repeat(39)}1]`,
      "MessageLength",
      41
    ]
  ])("%s", (_, ok, tooMuch, reason, column) => {
    within(ok)
    past(tooMuch, reason, column)
  })
})

describe("the JSON reader, against JSON.parse", () => {
  it("reads every escape RFC 8259 has: those JSON.stringify never writes too (solidus, backspace, form feed, hex in capitals)", () => {
    const text = String.raw`"\"\\\/\b\f\n\r\t\u00e9\u00E9\uD83D\uDE00\u0000/"`
    expect(read(text)).toStrictEqual({ ok: true, value: JSON.parse(text) })
  })

  it("reads any JSON text as JSON.parse does, members in order", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const got = read(text)
        expect(got).toStrictEqual({ ok: true, value: JSON.parse(text) })
        if (got.ok) expect(JSON.stringify(got.value)).toBe(JSON.stringify(JSON.parse(text)))
      }),
      { numRuns: RUNS }
    )
  })

  it("reads a text changed in one place exactly when JSON.parse does (a name given twice aside)", () => {
    const edits = fc.tuple(
      texts,
      fc.nat(),
      fc.constantFrom("delete", "insert"),
      fc.constantFrom(...",:[]{}\"\\ 0-.e+tfnu#\u0001")
    )
    fc.assert(
      fc.property(edits, ([text, n, edit, char]) => {
        const i = n % (text.length + 1)
        const changed = edit === "delete"
          ? text.slice(0, i) + text.slice(i + 1)
          : text.slice(0, i) + char + text.slice(i)
        const got = read(changed)
        const oracle = parse(changed)
        // JSON.parse keeps the last of two equal names; the reader refuses the text there, where it sees
        // the second (even if the text goes wrong later).
        if (!got.ok && got.failure.reason === "DuplicateKey") return
        expect(got.ok).toBe(oracle.ok)
        if (got.ok && oracle.ok) expect(got.value).toStrictEqual(oracle.value)
        if (!got.ok) {
          expect(["Malformed", "Truncated", "Empty"]).toContain(got.failure.reason)
          expect(got.failure.kind).toBe("Parse")
        }
      }),
      { numRuns: RUNS * 5 }
    )
  })

  it("a text cut short is Truncated at its end (Empty when nothing but space is left)", () => {
    fc.assert(
      fc.property(texts, fc.nat(), (text, n) => {
        const cut = text.slice(0, n % text.length)
        // A cut that leaves a whole value (a number's first digits) is read; the rest are refused at the end.
        if (parse(cut).ok) return
        const got = read(cut)
        if (got.ok) throw new Error(`read ${JSON.stringify(cut)}`)
        if (cut.trim() === "") {
          expect(got.failure.reason).toBe("Empty")
          return
        }
        // A number cut after its sign, point or exponent is a malformed number, not a cut text, to the reader.
        if (/[-.eE+]$/.test(cut)) return
        expect(got.failure.reason).toBe("Truncated")
        expect({ line: got.failure.line, column: got.failure.column }).toStrictEqual(place(cut, cut.length))
      }),
      { numRuns: RUNS }
    )
  })

  it("a character no value may hold, added outside strings, is Malformed at that character", () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.constantFrom("#", "x", "'", ")"), (text, n, char) => {
        const i = n % (text.length + 1)
        // Not inside a string, nor inside a literal or a number (where the literal or number is what is wrong).
        const word = /[A-Za-z0-9.+-]/
        if (inString(text, i) || word.test(text[i - 1] ?? "") && word.test(text[i] ?? "")) return
        const changed = text.slice(0, i) + char + text.slice(i)
        const got = read(changed)
        if (got.ok) throw new Error(`read ${JSON.stringify(changed)}`)
        expect(got.failure.reason).toBe("Malformed")
        expect({ line: got.failure.line, column: got.failure.column }).toStrictEqual(place(changed, i))
      }),
      { numRuns: RUNS }
    )
  })
})
