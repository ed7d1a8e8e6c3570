/**
 * Writing text that XML 1.0 can carry, and refusing text that it cannot.
 */

/**
 * Characters outside XML 1.0's `Char` production: C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF and unpaired surrogates (the `u` flag makes a lone surrogate a code point of its own).
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/** The index of the first character XML 1.0 cannot carry, or -1. */
export const findInvalidCharacter = (text: string): number => {
  const match = NOT_XML_CHAR.exec(text)
  return match === null ? -1 : match.index
}

/** Describes the code unit or code point at `index` as `U+XXXX`. */
export const describeCharacter = (text: string, index: number): string =>
  "U+" + (text.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, "0")

const NEEDS_ESCAPE = /[&<>\r]/
const ESCAPES = /[&<>\r]/g
const replace = (c: string): string => c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"

/**
 * Escapes element text: `&`, `<`, `>` (so that `]]>` never appears) and CR, written as `&#13;` so that a
 * parser's line-end normalisation does not turn it into LF.
 */
export const escapeText = (text: string): string => NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, replace) : text

/**
 * A character element text writes as a reference (`&`, `<`, `>`, CR), one XML 1.0 cannot carry, or a
 * surrogate (paired ones are characters, which the loop of `checkedText` tells apart): everything but
 * tab, LF and the other characters up to U+FFFD. A search without the `u` flag, which is several times
 * faster.
 */
const SPECIAL_IN_TEXT = /[^\t\n\u0020-\u0025\u0027-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/

/**
 * `text` escaped as `escapeText` escapes it, or, when it holds a character XML 1.0 cannot carry, that
 * character's index (as `findInvalidCharacter` gives it). One scan of text that needs neither (the
 * common case); one more from the first character that needs either.
 */
export const checkedText = (text: string): string | number => {
  const first = text.search(SPECIAL_IN_TEXT)
  // Stryker disable next-line ConditionalExpression: a fast path; the loop finds nothing to escape either
  if (first === -1) return text
  let out = ""
  let start = 0
  // Stryker disable next-line EqualityOperator: one past the end is NaN, which the loop passes over
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let reference: string
    if (c === 0x26) reference = "&amp;"
    else if (c === 0x3c) reference = "&lt;"
    else if (c === 0x3e) reference = "&gt;"
    else if (c === 0x0d) reference = "&#13;"
    else if (c < 0x20) {
      if (c === 0x09 || c === 0x0a) continue
      return i
    } else if (c < 0xd800) continue
    else if (c < 0xdc00) {
      // A high surrogate: a character only with the low surrogate after it.
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next < 0xe000) {
        i++
        continue
      }
      return i
    } else if (c < 0xe000 || c === 0xfffe || c === 0xffff) return i
    else continue
    out += text.slice(start, i) + reference
    start = i + 1
  }
  return out + text.slice(start)
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\"": "&quot;",
  // Written as references so that attribute-value normalisation does not turn them into spaces.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;"
}

/** Escapes an attribute value written between double quotes. */
export const escapeAttribute = (text: string): string => text.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!)
