/**
 * The encoder's one-scan text check against the two-scan definition: XML 1.0's `Char` production as a
 * regular expression (`findInvalidCharacter`), then the escaping of `&`, `<`, `>` and CR (`escapeText`).
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkedText, escapeText, findInvalidCharacter } from "../../packages/codec/src/internal/escape.js"

const reference = (text: string): string | number => {
  const invalid = findInvalidCharacter(text)
  return invalid === -1 ? escapeText(text) : invalid
}

// Every class of code unit the check distinguishes, and the boundaries between them.
const unit = fc.oneof(
  fc.constantFrom("&", "<", ">", "\r", "\t", "\n", " ", "a", "]", "\u0000", "\u0008", "\u000B", "\u001F"),
  fc.constantFrom("\uD7FF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uE000", "\uFFFD", "\uFFFE", "\uFFFF"),
  fc.constantFrom("😀", "\u{10000}", "\u{10FFFF}", "é", "€"),
  // any code point, and any UTF-16 code unit (a lone surrogate too)
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
)

describe("element text, checked and escaped in one scan", () => {
  it("agrees with the Char production and the escaping, on any text", () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }).map((units) => units.join("")), (text) => {
        expect(checkedText(text)).toEqual(reference(text))
      }),
      { numRuns: 5000 }
    )
  })

  it("escapes what needs escaping and passes pairs through; gives the index of what XML cannot carry", () => {
    expect(checkedText("plain")).toBe("plain")
    expect(checkedText("R&D <b> ]]> x\r\n")).toBe("R&amp;D &lt;b&gt; ]]&gt; x&#13;\n")
    expect(checkedText("😀 & 😀")).toBe("😀 &amp; 😀")
    expect(checkedText("a\u0000")).toBe(1)
    expect(checkedText("&\uD83D")).toBe(1)
    expect(checkedText("&\uDE00x")).toBe(1)
    expect(checkedText("<\uFFFE")).toBe(1)
    expect(checkedText("\uFFFF")).toBe(0)
    expect(checkedText("\t\n")).toBe("\t\n")
  })
})
