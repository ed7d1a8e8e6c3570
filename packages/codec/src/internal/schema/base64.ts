/**
 * `xs:base64Binary`'s lexical rules (XML Schema Part 2, section 3.2.16): reading is strict about the
 * alphabet and the padding, so that every text has exactly one value.
 */
import type { LexicalResult } from "./annotations.js"
import { fail, ok } from "./lexical.js"

const preview = (text: string): string => JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text)

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
// Read only for characters BASE64 has let through; `=`, outside the alphabet, reads as 0.
const BASE64_VALUES = new Uint8Array(128)
for (const [i, c] of [...BASE64_ALPHABET].entries()) BASE64_VALUES[c.charCodeAt(0)] = i

/**
 * Reads `xs:base64Binary`: whitespace anywhere is ignored; padding is required; the unused bits of the
 * last character must be zero (XML Schema's canonical alphabet), so that every text has one value.
 */
export const parseBase64Binary = (text: string): LexicalResult<Uint8Array> => {
  const compact = /[\t\n\r ]/.test(text) ? text.replace(/[\t\n\r ]/g, "") : text
  const invalid = () => fail(`${preview(text)} is not valid xs:base64Binary`)
  if (!BASE64.test(compact)) return invalid()
  const padding = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0
  const bytes = new Uint8Array((compact.length / 4) * 3 - padding)
  let out = 0
  // Stryker disable next-line EqualityOperator: one more round reads past the text and writes past the bytes, which a typed array ignores
  for (let i = 0; i < compact.length; i += 4) {
    const a = BASE64_VALUES[compact.charCodeAt(i)]!
    const b = BASE64_VALUES[compact.charCodeAt(i + 1)]!
    const c = BASE64_VALUES[compact.charCodeAt(i + 2)]!
    const d = BASE64_VALUES[compact.charCodeAt(i + 3)]!
    const n = (a << 18) | (b << 12) | (c << 6) | d
    // The last group's padding stands for bytes past the end, whose writes a typed array ignores.
    bytes[out++] = n >> 16
    bytes[out++] = (n >> 8) & 0xff
    bytes[out++] = n & 0xff
    if (i + 4 === compact.length && ((padding === 2 && (b & 0x0f) !== 0) || (padding === 1 && (c & 0x03) !== 0))) {
      return invalid()
    }
  }
  return ok(bytes)
}

/** Writes `xs:base64Binary` in its canonical form: no whitespace, padded. */
export const formatBase64Binary = (value: Uint8Array): LexicalResult<string> => {
  if (!(value instanceof Uint8Array)) return fail(`${String(value)} is not a Uint8Array`)
  let out = ""
  for (let i = 0; i < value.length; i += 3) {
    const n = (value[i]! << 16) | ((value[i + 1] ?? 0) << 8) | (value[i + 2] ?? 0)
    out += BASE64_ALPHABET[n >> 18]! + BASE64_ALPHABET[(n >> 12) & 63]! +
      (i + 1 < value.length ? BASE64_ALPHABET[(n >> 6) & 63]! : "=") +
      (i + 2 < value.length ? BASE64_ALPHABET[n & 63]! : "=")
  }
  return ok(out)
}
