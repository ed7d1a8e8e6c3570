/**
 * Generators for simple types whose schemas' own would stray outside them or miss what tests must meet:
 * XML text with markup characters, line ends and characters outside the BMP; `xs:dateTime`s.
 */
import type * as FastCheck from "fast-check"

/**
 * Characters that test the escaping and the line-end handling of XML text, mixed into generated strings.
 */
const TRICKY = ["&", "<", ">", "\"", "'", "]]>", "\r", "\n", "\r\n", "\t", " ", "é", "ø", "€", "😀", "\u2028", "\uFFFD"]

/** XML 1.0 `Char`, for generated strings: no C0 controls but tab, LF, CR; no U+FFFE, U+FFFF, no lone surrogates. */
const isXmlCharacter = (c: string): boolean => !/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(c)

/** Strings XML 1.0 can carry, with markup characters, CR, LF, tabs and characters outside the BMP. */
export const xmlStringArbitrary = (fc: typeof FastCheck): FastCheck.Arbitrary<string> =>
  fc.array(
    fc.oneof(
      // printable ASCII, and any code point
      { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter(isXmlCharacter) }
    ),
    // Stryker disable next-line ObjectLiteral: fast-check's default length is as short
    { maxLength: 12 }
  ).map((parts) => parts.join(""))

/** `xs:dateTime`s in every form: years 1 to 9999, fractions of seconds, a time zone or none. */
export const dateTimeArbitrary = (fc: typeof FastCheck): FastCheck.Arbitrary<string> =>
  fc.tuple(
    fc.integer({ min: 1, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom("", ".5", ".1234567"),
    fc.constantFrom("", "Z", "+01:00", "-05:30")
  ).map(([y, mo, d, h, mi, s, fraction, zone]) => {
    const two = (n: number) => String(n).padStart(2, "0")
    return `${String(y).padStart(4, "0")}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${fraction}${zone}`
  })
