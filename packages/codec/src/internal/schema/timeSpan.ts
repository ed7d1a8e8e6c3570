/**
 * The lexical rules of the .NET serialization type `duration`: an `xs:duration` restricted to days,
 * hours, minutes and seconds (no years or months) and to the range of .NET's `TimeSpan` (signed 64-bit
 * count of 100 ns ticks), read into an Effect `Duration`.
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import type { LexicalResult } from "./annotations.js"
import { collapse, fail, ok } from "./lexical.js"

/** The largest `TimeSpan`, in 100 ns ticks (`P10675199DT2H48M5.4775807S`). */
export const MAX_TICKS = 2n ** 63n - 1n

const TICKS_PER_SECOND = 10_000_000n
const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND
const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE
const TICKS_PER_DAY = 24n * TICKS_PER_HOUR

/**
 * `xs:duration`'s grammar without years and months: `P`, then days and/or `T` with at least one of
 * hours, minutes and seconds (seconds may have a fraction). Every part has at least one digit.
 */
const LEXICAL =
  /^(-)?P(?!$)(?:([0-9]+)D)?(?:T(?=[0-9.])(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\.[0-9]*)?|\.[0-9]+)S)?)?$/

/** The Duration of a whole number of ticks: the one form decoding gives, so that equal values are equal. */
export const fromTicks = (ticks: bigint): Duration.Duration => Duration.nanos(ticks * 100n)

/**
 * Reads a duration as an Effect `Duration`. A negative one has none and is refused, and so is one beyond
 * the largest `TimeSpan`.
 */
export const parseDuration = (text: string): LexicalResult<Duration.Duration> => {
  const match = LEXICAL.exec(collapse(text))
  if (match === null) {
    return fail(`${JSON.stringify(text)} is not a valid duration (days, hours, minutes and seconds)`)
  }
  // A part left out counts nothing, as do seconds written ".5": BigInt("") is 0n.
  const [, minus, days = "", hours = "", minutes = "", seconds = ""] = match
  const [whole, fraction = ""] = seconds.split(".") as [string, string?]
  if (/[1-9]/.test(fraction.slice(7))) {
    return fail(`${JSON.stringify(text)} is finer than a TimeSpan's 100 ns ticks`)
  }
  const ticks = BigInt(days) * TICKS_PER_DAY + BigInt(hours) * TICKS_PER_HOUR + BigInt(minutes) * TICKS_PER_MINUTE +
    BigInt(whole) * TICKS_PER_SECOND + BigInt(fraction.slice(0, 7).padEnd(7, "0"))
  if (minus === "-" && ticks > 0n) {
    return fail(`${JSON.stringify(text)} is negative, and an Effect Duration cannot be`)
  }
  if (ticks > MAX_TICKS) {
    return fail(`${JSON.stringify(text)} is outside the range of a TimeSpan (at most P10675199DT2H48M5.4775807S)`)
  }
  return ok(fromTicks(ticks))
}

/** Writes a Duration in the canonical form .NET writes a `TimeSpan` in: `PT0S`, `PT5M`, `P1DT2H0.5S`. */
export const formatDuration = (value: Duration.Duration): LexicalResult<string> => {
  if (!Duration.isDuration(value)) return fail(`${String(value)} is not a Duration`)
  const nanos = Duration.toNanos(value)
  if (Option.isNone(nanos)) return fail("an infinite Duration is no TimeSpan")
  if (nanos.value % 100n !== 0n) return fail(`${nanos.value} ns is not a whole number of 100 ns ticks`)
  let ticks = nanos.value / 100n
  if (ticks > MAX_TICKS) return fail(`${nanos.value} ns is outside the range of a TimeSpan`)
  if (ticks === 0n) return ok("PT0S")
  const days = ticks / TICKS_PER_DAY
  ticks %= TICKS_PER_DAY
  const hours = ticks / TICKS_PER_HOUR
  ticks %= TICKS_PER_HOUR
  const minutes = ticks / TICKS_PER_MINUTE
  ticks %= TICKS_PER_MINUTE
  const seconds = ticks / TICKS_PER_SECOND
  const fraction = (ticks % TICKS_PER_SECOND).toString().padStart(7, "0").replace(/0+$/, "")
  let time = ""
  if (hours > 0n) time += `${hours}H`
  if (minutes > 0n) time += `${minutes}M`
  if (seconds > 0n || fraction !== "") time += `${seconds}${fraction === "" ? "" : "." + fraction}S`
  return ok(`P${days > 0n ? `${days}D` : ""}${time === "" ? "" : "T" + time}`)
}
