/**
 * Places in a JSON value, for the JSON tests' oracles: a path's JSON Pointer, written from RFC 6901, and
 * a value with the value at a path replaced.
 */

/** The JSON Pointer (RFC 6901) of a path. */
export const pointerOf = (path: ReadonlyArray<string | number>) =>
  path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")

/** `json` with the value at `path` replaced by `by` (a copy; any member name is data, `__proto__` too). */
export const replaced = (json: unknown, path: ReadonlyArray<string | number>, by: unknown): unknown => {
  if (path.length === 0) return by
  const [head, ...rest] = path
  if (Array.isArray(json)) return json.map((item, i) => i === head ? replaced(item, rest, by) : item)
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(json as object)) {
    Object.defineProperty(out, key, {
      value: key === head ? replaced(value, rest, by) : value,
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return out
}
