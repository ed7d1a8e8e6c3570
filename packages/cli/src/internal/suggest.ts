/**
 * "Did you mean": the known names closest to a name given, by edit distance (Levenshtein's, ignoring
 * case), closest first. `fastest-levenshtein` computes the distance.
 */
import { distance } from "fastest-levenshtein"

/**
 * The names of `known` a person most likely meant by `given`, closest first: those a few edits away (at
 * most a third of the name, and at least 2) or containing it, or contained in it; at most `count`.
 */
export const closest = (given: string, known: Iterable<string>, count = 3): ReadonlyArray<string> => {
  const lower = given.toLowerCase()
  const near = Math.max(2, Math.floor(given.length / 3))
  return [...new Set(known)]
    .map((name) => {
      const other = name.toLowerCase()
      const edits = distance(lower, other)
      const contains = lower.length >= 3 && (other.includes(lower) || lower.includes(other))
      return { name, edits, near: edits <= near || contains }
    })
    .filter((candidate) => candidate.near)
    .sort((a, b) => a.edits - b.edits || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((candidate) => candidate.name)
}

/** ` (did you mean A, B?)`, or nothing when no name is close. */
export const didYouMean = (given: string, known: Iterable<string>): string => {
  const names = closest(given, known)
  return names.length === 0 ? "" : ` (did you mean ${names.join(", ")}?)`
}
