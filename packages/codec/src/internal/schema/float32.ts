/**
 * Rounding a decimal text to the nearest 32-bit float exactly. Reading it as a double first and rounding
 * that to a float rounds twice, and is wrong when the double falls exactly halfway between two floats
 * (`1.0000000596046448` is nearer to 1.0000001192092896 than to 1, but its double is the midpoint): there,
 * the text's exact value decides.
 */

const float = new Float32Array(1)
const floatBits = new Int32Array(float.buffer)
const double = new Float64Array(1)
const doubleBits = new BigUint64Array(double.buffer)

/** The next 32-bit float after `x` toward `direction` (+1 or -1). */
const nextFloat = (x: number, direction: 1 | -1): number => {
  if (x === 0) return direction * 2 ** -149
  float[0] = x
  // Stryker disable next-line EqualityOperator: x is not 0 here, and direction is ±1
  floatBits[0]! += (x > 0) === (direction > 0) ? 1 : -1
  return float[0]!
}

/**
 * A finite, normal double as `mantissa × 2^exponent`, both integers. (A midpoint between two floats is one:
 * the smallest is 2^-150, far above the doubles' subnormals.)
 */
const binaryOf = (x: number): { readonly mantissa: bigint; readonly exponent: number } => {
  double[0] = Math.abs(x)
  const bits = doubleBits[0]!
  return { mantissa: (bits & ((1n << 52n) - 1n)) | (1n << 52n), exponent: Number(bits >> 52n) - 1075 }
}

/** A decimal text (already valid) as `digits × 10^exponent`, without its sign. */
const decimalOf = (text: string): { readonly digits: bigint; readonly exponent: number } => {
  const [mantissa, exponent] = text.replace(/^[+-]/, "").toLowerCase().split("e") as [string, string?]
  const [whole, fraction = ""] = mantissa.split(".") as [string, string?]
  return { digits: BigInt(whole + fraction), exponent: Number(exponent ?? 0) - fraction.length }
}

/** Compares the exact value of a decimal text with a finite double, both taken as magnitudes. */
const compareMagnitudes = (text: string, x: number): -1 | 0 | 1 => {
  const { digits, exponent: e } = decimalOf(text)
  const { exponent: b, mantissa } = binaryOf(x)
  const left = digits * 10n ** BigInt(Math.max(e, 0)) * 2n ** BigInt(Math.max(-b, 0))
  const right = mantissa * 2n ** BigInt(Math.max(b, 0)) * 10n ** BigInt(Math.max(-e, 0))
  return left < right ? -1 : left > right ? 1 : 0
}

/** The 32-bit float nearest to the exact value of `text`, whose nearest double is `asDouble`. */
export const roundToFloat32 = (text: string, asDouble: number): number => {
  const rounded = Math.fround(asDouble)
  // A float is no tie, nor are INF, NaN and a text beyond the floats. Each check covers the other's cases that
  // matter: INF stops at both; below, a float, NaN and a finite double beyond the floats come out the same.
  // Stryker disable next-line ConditionalExpression: as above
  if (!Number.isFinite(rounded)) return rounded
  // Stryker disable next-line ConditionalExpression: as above
  if (rounded === asDouble) return rounded
  // Stryker disable next-line EqualityOperator: the two are not equal here
  const other = nextFloat(rounded, asDouble > rounded ? 1 : -1)
  const midpoint = (rounded + other) / 2
  // Stryker disable next-line ConditionalExpression: a fast path; the exact comparison below picks the same float
  if (midpoint !== asDouble) return rounded
  // The double is a tie between two floats: the text's exact value decides, ties to even as fround does.
  const comparison = compareMagnitudes(text, midpoint)
  if (comparison === 0) return rounded
  // Stryker disable next-line EqualityOperator: two neighbouring floats never have the same magnitude
  const larger = Math.abs(rounded) > Math.abs(other) ? rounded : other
  const smaller = larger === rounded ? other : rounded
  // Stryker disable next-line EqualityOperator: the comparison is not 0 here
  return comparison > 0 ? larger : smaller
}
