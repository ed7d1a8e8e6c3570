/**
 * Finding a repeated key among a dictionary's pairs. Strings (and null) go into an open-addressing table
 * sized once for all of them, hashed here over their characters: several times faster than adding each to
 * a fresh `Set`, which hashes every new string again and grows its table as it goes.
 */

/** Above this many slots the table is made for the one check instead of being kept for the next. */
const MAX_KEPT_SLOTS = 1 << 20

let kept = new Int32Array(64)

/** A table of at least `size` slots, all empty (0: empty; otherwise 1 + the index of the key there). */
const tableOf = (size: number): Int32Array => {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a new table or the kept one, the answers are the same
  if (size > MAX_KEPT_SLOTS) return new Int32Array(size)
  // Stryker disable next-line EqualityOperator: as above
  if (kept.length < size) kept = new Int32Array(size)
  else kept.fill(0, 0, size)
  return kept
}

/** FNV-1a over the UTF-16 code units of `text`. */
const hash = (text: string): number => {
  let h = 0x811c9dc5
  // Stryker disable next-line EqualityOperator: any hash finds the same repeats (one past the end xors NaN, as 0)
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h
}

/**
 * The index of the first pair whose `Key` equals the `Key` of one before it, or -1; `undefined` when a
 * key is neither a string nor null (the caller compares those otherwise).
 */
export const firstRepeatedKey = (pairs: ReadonlyArray<{ readonly Key: unknown }>): number | undefined => {
  const n = pairs.length
  for (let i = 0; i < n; i++) {
    const key = pairs[i]!.Key
    if (key !== null && typeof key !== "string") return undefined
  }
  let size = 16
  // Stryker disable next-line EqualityOperator: a table one size larger finds the same repeats
  while (size < n * 2) size *= 2
  const table = tableOf(size)
  const mask = size - 1
  let sawNull = false
  for (let i = 0; i < n; i++) {
    const key = pairs[i]!.Key as string | null
    if (key === null) {
      if (sawNull) return i
      sawNull = true
      continue
    }
    // Stryker disable next-line ArithmeticOperator: probing downwards finds the same repeats
    for (let slot = hash(key) & mask;; slot = (slot + 1) & mask) {
      const at = table[slot]!
      if (at === 0) {
        table[slot] = i + 1
        break
      }
      if (pairs[at - 1]!.Key === key) return i
    }
  }
  return -1
}
