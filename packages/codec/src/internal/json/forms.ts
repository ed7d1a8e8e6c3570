/**
 * The JSON forms of the simple types, as .NET's JSON serializer (Newtonsoft's, behind SuperOffice's REST
 * WebAPI) writes them: numbers and booleans as JSON literals, a `[Flags]` enum as its names joined by
 * `", "`, a `TimeSpan` in .NET's constant format `[-][d.]hh:mm:ss[.fffffff]`, and everything else as a
 * JSON string of its XML lexical form.
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import { type JsonForm, JsonNumberText, type LexicalResult } from "../schema/annotations.js"
import { formatEnumeration, parseEnumeration } from "../schema/lexical.js"
import { fromTicks, MAX_TICKS, parseDuration } from "../schema/timeSpan.js"

const ok = <A>(value: A): LexicalResult<A> => ({ ok: true, value })
const fail = (message: string): LexicalResult<never> => ({ ok: false, message })

// Stryker disable ConditionalExpression,StringLiteral: how a message shows a value, its wording
const describe = (json: unknown): string =>
  json instanceof JsonNumberText ? json.text : json === null ? "null" : JSON.stringify(json) ?? String(json)
// Stryker restore ConditionalExpression,StringLiteral

/** The text of a JSON number, whether the reader gave a double or its text. */
const numberText = (json: unknown): string | undefined =>
  typeof json === "number" ? String(json) : json instanceof JsonNumberText ? json.text : undefined

/** `parse` of the text of a JSON number; any other JSON value is refused. */
const readNumber = <A>(json: unknown, parse: (text: string) => LexicalResult<A>): LexicalResult<A> => {
  const text = numberText(json)
  return text === undefined ? fail(`${describe(json)} is not a JSON number`) : parse(text)
}

/** A JSON string read by the lexical rule `parse`, written by `format` (the default form). */
export const stringForm = <A>(
  parse: (text: string) => LexicalResult<A>,
  format: (value: A) => LexicalResult<string>
): JsonForm<A> => ({
  read: (json) => typeof json === "string" ? parse(json) : fail(`${describe(json)} is not a JSON string`),
  write: (value) => {
    const text = format(value)
    return text.ok ? ok(JSON.stringify(text.value)) : text
  }
})

/** `true` or `false`. */
export const booleanForm: JsonForm<boolean> = {
  read: (json) => typeof json === "boolean" ? ok(json) : fail(`${describe(json)} is not true or false`),
  write: (value) => typeof value === "boolean" ? ok(String(value)) : fail(`${String(value)} is not a boolean`)
}

/**
 * An integer of a type whose range a double holds (`xs:int`, `xs:short`, …), as a JSON number. The lexical
 * rule checks the range; a number with a fraction or an exponent is refused by it too.
 */
export const integerForm = (
  parse: (text: string) => LexicalResult<number>,
  format: (value: number) => LexicalResult<string>,
  range: { readonly min: number; readonly max: number }
): JsonForm<number> => ({
  read: (json) => {
    // A fast path: the lexical rule gives the same integer (the reader gives -0 as its text, never as a number).
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral,BlockStatement: a fast path, as above
    if (typeof json === "number" && Number.isInteger(json) && json >= range.min && json <= range.max) {
      return ok(json)
    }
    return readNumber(json, parse)
  },
  write: format
})

/** An integer as a `bigint` (`xs:long`): a JSON number of every digit. */
export const bigIntegerForm = (
  parse: (text: string) => LexicalResult<bigint>,
  format: (value: bigint) => LexicalResult<string>
): JsonForm<bigint> => ({
  read: (json) => readNumber(json, parse),
  write: format
})

/**
 * A double or float: a JSON number, or the strings .NET writes for what JSON has no number for (`"NaN"`,
 * `"Infinity"`, `"-Infinity"`).
 */
export const doubleForm = (
  parse: (text: string) => LexicalResult<number>,
  format: (value: number) => LexicalResult<string>
): JsonForm<number> => ({
  read: (json) => {
    if (json === "NaN") return parse("NaN")
    if (json === "Infinity") return parse("INF")
    if (json === "-Infinity") return parse("-INF")
    return readNumber(json, parse)
  },
  write: (value) => {
    const text = format(value)
    if (!text.ok) return text
    if (Number.isNaN(value)) return ok(`"NaN"`)
    if (value === Infinity) return ok(`"Infinity"`)
    if (value === -Infinity) return ok(`"-Infinity"`)
    // String(-0) is "0": JSON's -0 keeps the sign, as .NET's serializer writes it.
    return ok(Object.is(value, -0) ? "-0" : String(value))
  }
})

/**
 * A decimal kept as its lexical form: a JSON number of the same digits. What XML's lexical space has and
 * JSON's grammar lacks is written as JSON has it: no `+`, no leading zeros, a digit on each side of the
 * point (`+007.` is `7`, `.5` is `0.5`).
 */
export const decimalForm = (
  parse: (text: string) => LexicalResult<string>,
  format: (value: string) => LexicalResult<string>
): JsonForm<string> => ({
  read: (json) => readNumber(json, parse),
  write: (value) => {
    const text = format(value)
    if (!text.ok) return text
    // Stryker disable next-line Regex: the text is a decimal's lexical form, which the whole of matches
    const [, sign, whole, fraction] = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(text.value)!
    const digits = whole!.replace(/^0+(?=[0-9])/, "")
    return ok(`${sign === "-" ? "-" : ""}${digits === "" ? "0" : digits}${fraction ? `.${fraction}` : ""}`)
  }
})

const MAX_FLAGS = 0x7fffffff

/**
 * A `[Flags]` enum (an `xs:list` of names): its names joined by `", "` (`"Select, Update"`), read split on
 * commas with any spaces around them. No flag at all is `"0"`, as .NET writes a value no name stands for.
 * As .NET reads one, a value may also be a number (`15`, as the vendor's TypeScript client sends masks),
 * or use the .NET enum's names for several flags (`"FULL"`): those are read as the WSDL's names whose
 * values make up the same bits (each bit once, in the WSDL's order), and a bit no name has is an error.
 */
export const flagsForm = (
  typeName: string,
  names: ReadonlyArray<string>,
  flags: {
    readonly values?: Readonly<Record<string, number | undefined>>
    readonly aliases?: Readonly<Record<string, number>>
  }
): JsonForm<ReadonlyArray<string>> => {
  const parseName = parseEnumeration(typeName, names)
  const formatName = formatEnumeration(typeName, names)
  const valueOf = new Map(names.map((name, i) => [name, flags.values?.[name] ?? 2 ** i]))
  const aliases = new Map(Object.entries(flags.aliases ?? {}))
  const namesOf = (mask: number): LexicalResult<ReadonlyArray<string>> => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: the names below cover no such mask, which is refused there too; this words it
    if (!Number.isSafeInteger(mask) || mask < 0 || mask > MAX_FLAGS) {
      return fail(`${mask} is not a value of the flags ${typeName}`)
    }
    const out: Array<string> = []
    let covered = 0
    for (const [name, value] of valueOf) {
      if ((mask & value) === value && (covered & value) !== value) {
        out.push(name)
        covered |= value
      }
    }
    return covered === mask ? ok(out) : fail(`${mask} has bits (${mask & ~covered}) no flag of ${typeName} stands for`)
  }
  return {
    read: (json) => {
      const number = numberText(json)
      if (number !== undefined) {
        return /^[0-9]+$/.test(number)
          ? namesOf(Number(number))
          : fail(`${number} is not a value of the flags ${typeName}`)
      }
      if (typeof json !== "string") return fail(`${describe(json)} is not a JSON string of flag names`)
      const trimmed = json.trim()
      if (trimmed === "") return ok([])
      const out: Array<string> = []
      let mask = 0
      let byValue = false
      for (const part of trimmed.split(",")) {
        const token = part.trim()
        const name = parseName(token)
        if (name.ok) {
          out.push(name.value)
          mask |= valueOf.get(name.value)!
          continue
        }
        const value = /^[0-9]+$/.test(token) ? Number(token) : aliases.get(token)
        // Stryker disable next-line ConditionalExpression: namesOf refuses no value too; this refusal names the flags there are
        if (value === undefined) return name
        if (!Number.isSafeInteger(value) || value > MAX_FLAGS) return namesOf(value)
        mask |= value
        byValue = true
      }
      return byValue ? namesOf(mask) : ok(out)
    },
    write: (value) => {
      if (!Array.isArray(value)) return fail(`${String(value)} is not a list of flags`)
      if (value.length === 0) return ok(`"0"`)
      const out: Array<string> = []
      for (const item of value as ReadonlyArray<string>) {
        const name = formatName(item)
        if (!name.ok) return name
        out.push(name.value)
      }
      return ok(JSON.stringify(out.join(", ")))
    }
  }
}

const TICKS_PER_SECOND = 10_000_000n
const TICKS_PER_DAY = 86_400n * TICKS_PER_SECOND

/** .NET's constant ("c") format of a `TimeSpan`: `[-][d.]hh:mm:ss[.fffffff]`. */
const CONSTANT = /^(-)?(?:([0-9]+)\.)?([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\.([0-9]{1,7}))?)?$/

/** Reads .NET's constant format, or, as the vendor's TypeScript client writes one, ISO 8601's. */
const parseTimeSpan = (text: string): LexicalResult<Duration.Duration> => {
  const match = CONSTANT.exec(text.trim())
  if (match === null) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: either rule refuses what is neither; this chooses whose words
    return text.trim().startsWith("P") || text.trim().startsWith("-P")
      ? parseDuration(text)
      : fail(`${JSON.stringify(text)} is not a TimeSpan ([d.]hh:mm:ss[.fffffff], or ISO 8601)`)
  }
  // Stryker disable next-line StringLiteral: BigInt("") is 0n too
  const [, minus, days = "0", hours, minutes, seconds = "0", fraction = ""] = match
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return fail(`${JSON.stringify(text)} is not a TimeSpan: hours, minutes or seconds out of range`)
  }
  const ticks = BigInt(days) * TICKS_PER_DAY +
    (BigInt(hours!) * 3600n + BigInt(minutes!) * 60n + BigInt(seconds)) * TICKS_PER_SECOND +
    BigInt(fraction.padEnd(7, "0"))
  if (minus === "-" && ticks > 0n) return fail(`${JSON.stringify(text)} is negative, and an Effect Duration cannot be`)
  if (ticks > MAX_TICKS) return fail(`${JSON.stringify(text)} is outside the range of a TimeSpan`)
  return ok(fromTicks(ticks))
}

const two = (n: bigint) => String(n).padStart(2, "0")

/** Writes a Duration in .NET's constant format. */
const formatTimeSpan = (value: Duration.Duration): LexicalResult<string> => {
  if (!Duration.isDuration(value)) return fail(`${String(value)} is not a Duration`)
  const nanos = Duration.toNanos(value)
  if (Option.isNone(nanos)) return fail("an infinite Duration is no TimeSpan")
  if (nanos.value % 100n !== 0n) return fail(`${nanos.value} ns is not a whole number of 100 ns ticks`)
  const ticks = nanos.value / 100n
  if (ticks > MAX_TICKS) return fail(`${nanos.value} ns is outside the range of a TimeSpan`)
  const days = ticks / TICKS_PER_DAY
  const rest = ticks % TICKS_PER_DAY
  const seconds = rest / TICKS_PER_SECOND
  const fraction = rest % TICKS_PER_SECOND
  return ok(
    `${days > 0n ? `${days}.` : ""}${two(seconds / 3600n)}:${two((seconds / 60n) % 60n)}:${two(seconds % 60n)}${
      fraction > 0n ? `.${String(fraction).padStart(7, "0")}` : ""
    }`
  )
}

/** A `TimeSpan` (`ser:duration`) as .NET's JSON writes it: `"01:30:00"`, `"1.02:00:00.5000000"`. */
export const timeSpanForm: JsonForm<Duration.Duration> = stringForm(parseTimeSpan, formatTimeSpan)

/** A .NET `char`: a JSON string of one UTF-16 code unit. */
export const charForm: JsonForm<string> = {
  read: (json) =>
    typeof json === "string" && json.length === 1
      ? ok(json)
      : fail(`${describe(json)} is not a string of one character`),
  write: (value) =>
    typeof value === "string" && value.length === 1
      ? ok(JSON.stringify(value))
      : fail(`${JSON.stringify(value)} is not one UTF-16 code unit`)
}
