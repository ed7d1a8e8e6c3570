/**
 * The decoder's tokenizer: a scanner of its own for the XML that SOAP stacks write (elements, attributes,
 * text with the predefined entities and character references, an XML declaration of the usual form), and
 * saxes for everything else.
 *
 * The scanner reads one token at a time (a run of text and the tag after it) and reports it only once the
 * whole token has been read and found to be one saxes reads the same way; it then reports exactly the
 * events saxes would, at the positions saxes would. Anything else (a comment, CDATA, a DOCTYPE, a
 * processing instruction, a non-ASCII name, an entity it does not know, white space other than a space in
 * an attribute value, an error of any kind) hands the rest of the document over to saxes at the start of that token, with saxes brought to the
 * state it would be in there: the open elements written to it before its handlers are registered, and its
 * position set. saxes then reads the token, and reports the error if there is one, as it always did. So the
 * documents accepted, the events and the errors (messages and positions) are saxes's in every case; the
 * scanner only reads the common ones faster.
 *
 * A token cut by the end of a chunk is kept and read again with the next chunk; one longer than the text
 * limit (or than `MAX_CARRIED`) is handed over, so that saxes's own buffers are what the limit measures.
 */
import type { SaxesParser, SaxesTag } from "saxes"
import { makeParser, type Sink } from "./parser.js"

/** The longest unfinished token kept between chunks; a longer one is handed over to saxes. */
const MAX_CARRIED = 256 * 1024

/** Joins of a held token with the next chunk's start before the rest of the chunk is joined to it whole. */
const MAX_JOINS = 8

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const PROLOG = 0
const CONTENT = 1
const EPILOG = 2
type Mode = typeof PROLOG | typeof CONTENT | typeof EPILOG

/** A token that the input so far ends inside of. */
const INCOMPLETE = -1
/** A token that saxes is to read. */
const SAXES = -2

const TAB = 0x09
const NL = 0x0a
const CR = 0x0d
const SPACE = 0x20
const DQUOTE = 0x22
const HASH = 0x23
const AMP = 0x26
const SQUOTE = 0x27
const SLASH = 0x2f
const SEMICOLON = 0x3b
const LT = 0x3c
const EQUAL = 0x3d
const GT = 0x3e
const RSQB = 0x5d
const LOWER_X = 0x78

/** ASCII name characters: 1 may start a name, 2 only follow. Other characters are left to saxes. */
const NAME = new Uint8Array(128)
// Stryker disable next-line EqualityOperator: a typed array ignores a store past its end
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c)
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 1
  else if (/[0-9.-]/.test(ch)) NAME[c] = 2
}

/** An XML declaration of the usual form (version 1.0, single spaces); any other is saxes's to read. */
const DECLARATION =
  /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?: standalone=(["'])(?:yes|no)\4)?\?>/

/** The attributes of a tag without any: never written to (saxes makes a new object for every tag). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>)

/** White space with its line ends as saxes reports them: CR LF and CR as LF. */
// Stryker disable next-line StringLiteral: a fast path; the replacement finds nothing to replace either
const lineEnds = (space: string): string => space.includes("\r") ? space.replace(/\r\n?/g, "\n") : space

/** XML 1.0's `Char`, for a character reference's code point (as saxes's `isChar10`). */
const isChar = (c: number): boolean =>
  c === TAB || c === NL || c === 0x0d || (c >= SPACE && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff)

export class Tokenizer {
  /** saxes, once the document has been handed over to it. */
  private saxes: SaxesParser<{ position: true }> | undefined = undefined
  private mode: Mode = PROLOG
  /** The input from the last token read on: a token the input so far ends inside of. */
  private tail = ""
  /** The offset in the document of the current text's first character. */
  private base = 0
  /** The raw names of the open elements. */
  private readonly open: Array<string> = []
  // The position of the last token boundary: its line, the offset of that line's first character, and the
  // surrogate pairs between the two (saxes counts columns in code points).
  private boundaryLine = 1
  private boundaryLineStart = 0
  private boundaryPairs = 0
  // The same while a token is being read.
  private scanLine = 1
  private scanLineStart = 0
  private scanPairs = 0
  // The position events are reported at.
  private eventLine = 1
  private eventColumn = 0
  // The start tag just read: its name, attributes, whether it closed itself, and each attribute's position.
  // Stryker disable StringLiteral,BooleanLiteral,ObjectLiteral,ArrayDeclaration: each is set before it is read
  private tagName = ""
  private tagAttributes: Record<string, string> = NO_ATTRIBUTES
  private tagCount = 0
  private tagSelfClosing = false
  private readonly tag: Mutable<SaxesTag> = { name: "", attributes: NO_ATTRIBUTES, isSelfClosing: false }
  private readonly attributeLines: Array<number> = []
  private readonly attributeColumns: Array<number> = []
  // Stryker restore StringLiteral,BooleanLiteral,ObjectLiteral,ArrayDeclaration
  // A text run just read: its text, once decoded (pieces before `textFrom`), and where it ends.
  private textDecoded = ""
  private textFrom = 0
  private textEnd = 0
  private textLine = 1
  private textLineStart = 0
  private textPairs = 0
  // The chunks written while in the prolog, as written: handed over there, saxes reads them from the start
  // in the same pieces (where it reports some errors depends on where its input was cut).
  private prologChunks: Array<string> | undefined = []

  /** The longest token kept between chunks: no longer than the text limit, so saxes measures a longer one. */
  private readonly maxCarried: number

  constructor(private readonly sink: Sink, maxTextLength: number) {
    this.maxCarried = Math.min(maxTextLength, MAX_CARRIED)
  }

  /** saxes's `line`: where the last event was reported, or saxes's own once it reads the document. */
  get line(): number {
    return this.saxes === undefined ? this.eventLine : this.saxes.line
  }

  /** saxes's `column` (code points since the line's start), likewise. */
  get column(): number {
    return this.saxes === undefined ? this.eventColumn : this.saxes.column
  }

  /** The longest token held unreported (the text limit's measure, as saxes's buffers are). */
  get pending(): number {
    if (this.saxes === undefined) return this.tail.length
    const buffers = this.saxes as unknown as SaxesBuffers
    return Math.max(buffers.text.length, buffers.name.length, buffers.entity.length, buffers.piTarget.length)
  }

  write(chunk: string): void {
    if (this.saxes !== undefined) {
      this.saxes.write(chunk)
      return
    }
    if (this.prologChunks !== undefined) this.prologChunks.push(chunk)
    // Stryker disable next-line ConditionalExpression: a fast path; joining nothing to the chunk reads it the same
    if (this.tail.length === 0) return this.read(chunk)
    // The token held is finished with the start of the chunk, up to a `>`, and the rest read as it is:
    // a string joined from two reads several times slower in V8, even once flattened (a few `>` inside a
    // text or an attribute value only take a few joins more; after those the rest is joined whole).
    let from = 0
    // Stryker disable UpdateOperator,ConditionalExpression,EqualityOperator: how many joins are made only costs time; any number reads the same
    for (let joins = 0;; joins++) {
      const close = joins < MAX_JOINS ? chunk.indexOf(">", from) : -1
      const end = close === -1 ? chunk.length : close + 1
      // Stryker restore UpdateOperator,ConditionalExpression,EqualityOperator
      const head = this.tail + chunk.slice(from, end)
      this.tail = ""
      this.read(head)
      from = end
      if (from >= chunk.length) return
      // (`read` may have handed over, or finished the token held; handed over in the prolog, saxes has
      // read the whole chunk.)
      if (this.handedOver) return this.mode === PROLOG ? undefined : this.write(chunk.slice(from))
      // Stryker disable next-line ConditionalExpression: a fast path; joining nothing to the rest reads it the same
      if (this.tail.length === 0) return this.read(chunk.slice(from))
    }
  }

  /** Whether the document has been handed over to saxes. */
  get handedOver(): boolean {
    return this.saxes !== undefined
  }

  /** Ends the input (after `flush`): saxes's final checks, or the document's trailing white space. */
  close(): void {
    this.flush()
    if (this.saxes === undefined) {
      // Only white space is held after the root element (anything else is handed over), and saxes
      // reports it as text when the input ends.
      const rest = this.tail
      // Stryker disable next-line StringLiteral: nothing reads the tail after the end
      this.tail = ""
      if (rest.length > 0) this.sink.onText(lineEnds(rest))
      return
    }
    this.saxes.close()
  }

  /**
   * Reads what is held as saxes would have by now: reports what saxes would have reported (or its error),
   * and takes saxes's position, before an error of the input's own or the end of the input.
   */
  flush(): void {
    if (this.saxes !== undefined) return
    const rest = this.tail
    if (this.mode !== EPILOG) {
      // Stryker disable next-line StringLiteral: handed over, the tail is not read again
      this.tail = ""
      return this.handOver(rest, 0)
    }
    // White space after the root element: saxes holds it as text until the input ends.
    this.scanFrom()
    this.spaces(rest, 0, rest.length)
    this.at(rest.length)
  }

  // -------------------------------------------------------------------------------------------------

  private read(text: string): void {
    let boundary = 0
    if (this.mode === PROLOG) {
      const next = this.prolog(text)
      if (next === SAXES) return this.handOver(text, 0)
      // Stryker disable next-line ConditionalExpression: without it the scan starts at -1, where there is no character (SAXES, at boundary -1), which reads as a boundary at 0: the text is kept the same
      if (next === INCOMPLETE) return this.keep(text, 0)
      boundary = next
    }
    const reached = this.tokens(text, boundary)
    if (reached < 0) return this.handOver(text, -reached - 1)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: keeping nothing of the text is the same
    if (reached < text.length) return this.keep(text, reached)
    this.base += text.length
  }

  /**
   * Reads the tokens of `text` from `from` on; returns where it stopped: the end of the text, the start of
   * a token the text ends inside of, or (as `-1 - boundary`) the start of one that saxes is to read. (The
   * loop only returns: V8 compiles it while it runs, and code after it that had not run yet would be
   * dropped again at the end of every chunk.)
   */
  private tokens(text: string, from: number): number {
    const length = text.length
    let boundary = from
    while (boundary < length) {
      if (this.mode === EPILOG) {
        // Only white space may follow the root element here; saxes holds it as text until the input ends.
        // Stryker disable next-line CallExpression: no token is reported after the root, and saxes, handed what follows, starts from the boundary's position
        this.scanFrom()
        return this.spaces(text, boundary, length) < length ? -1 - boundary : boundary
      }
      const next = this.token(text, boundary)
      // Stryker disable next-line EqualityOperator: a token read ends past its start, never at 0
      if (next < 0) return next === SAXES ? -1 - boundary : boundary
      boundary = next
    }
    return boundary
  }

  /** Keeps `text` from `boundary` on for the next chunk, unless it is too long to keep. */
  private keep(text: string, boundary: number): void {
    if (text.length - boundary > this.maxCarried) return this.handOver(text, boundary)
    this.tail = boundary === 0 ? text : text.slice(boundary)
    this.base += boundary
  }

  /** Hands the document over to saxes at `boundary`, a token boundary of `text`. */
  private handOver(text: string, boundary: number): void {
    this.tail = ""
    if (this.mode === PROLOG) {
      // Nothing of the prolog has been reported: saxes reads the document from its start, as written.
      const saxes = makeParser("")
      const chunks = this.prologChunks!
      this.saxes = saxes
      this.prologChunks = undefined
      for (const chunk of chunks) saxes.write(chunk)
      return
    }
    // saxes without namespaces keeps, of what came before, only the open elements (and that the root was
    // seen, or closed): written to it before its handlers are, they bring it to the same state.
    const saxes = makeParser(this.mode === CONTENT ? "<" + this.open.join("><") + ">" : "<r/>")
    saxes.line = this.boundaryLine
    saxes.column = this.base + boundary - this.boundaryLineStart - this.boundaryPairs
    this.saxes = saxes
    // Stryker disable next-line ConditionalExpression: a fast path; a slice from 0 is the same text
    saxes.write(boundary === 0 ? text : text.slice(boundary))
  }

  /** Starts reading a token at the last boundary's position. */
  private scanFrom(): void {
    this.scanLine = this.boundaryLine
    this.scanLineStart = this.boundaryLineStart
    this.scanPairs = this.boundaryPairs
  }

  /** The token read is reported: its end is the boundary now. */
  private commit(): void {
    this.boundaryLine = this.scanLine
    this.boundaryLineStart = this.scanLineStart
    this.boundaryPairs = this.scanPairs
  }

  /** Events are reported as after `index` of the current text (with the line read so far). */
  private at(index: number): void {
    this.eventLine = this.scanLine
    this.eventColumn = this.base + index - this.scanLineStart - this.scanPairs
  }

  /**
   * Skips white space from `from`, counting lines (CR LF, CR and LF each end one); returns where it ends.
   * (A CR at the end is skipped too: the caller then waits for more text, and reads it all again.)
   */
  private spaces(text: string, from: number, length: number): number {
    let i = from
    // Stryker disable next-line EqualityOperator: past the end is no space (NaN)
    while (i < length) {
      const c = text.charCodeAt(i)
      if (c === NL || c === CR) {
        i += c === CR && text.charCodeAt(i + 1) === NL ? 2 : 1
        this.scanLine++
        this.scanLineStart = this.base + i
        this.scanPairs = 0
        continue
      }
      if (c !== SPACE && c !== TAB) break
      i++
    }
    return i
  }

  /**
   * The prolog: an XML declaration of the usual form, white space and the root's start tag, reported once
   * all of them have been read (until then nothing is, so that saxes can read the document from its start).
   */
  private prolog(text: string): number {
    this.scanFrom()
    let i = 0
    let declaration: RegExpExecArray | null = null
    if (text.startsWith("<?")) {
      const end = text.indexOf("?>")
      // Stryker disable next-line ConditionalExpression,EqualityOperator: how long a declaration is waited for; saxes reads what is given up
      if (end === -1) return text.length > 256 ? SAXES : INCOMPLETE
      // The pattern is anchored, and none of it holds "?>": a declaration ends at the first one.
      declaration = DECLARATION.exec(text)
      if (declaration === null) return SAXES
      i = end + 2
    }
    const spaceFrom = i
    i = this.spaces(text, i, text.length)
    // (Anything but `<` is an error saxes reports at once.)
    if (i < text.length && text.charCodeAt(i) !== LT) return SAXES
    if (i + 1 >= text.length) return INCOMPLETE
    this.textEnd = i
    this.textLine = this.scanLine
    this.textLineStart = this.scanLineStart
    this.textPairs = this.scanPairs
    const end = this.startTag(text, i)
    if (end < 0) return end
    if (declaration !== null) {
      this.eventLine = 1
      this.eventColumn = spaceFrom
      this.sink.onXmlDecl("1.0", declaration[3])
      // After a declaration saxes reads white space as text (before one, it skips it).
      if (i > spaceFrom) this.reportText(lineEnds(text.slice(spaceFrom, i)))
    }
    this.reportStartTag(end)
    this.mode = this.tagSelfClosing ? EPILOG : CONTENT
    this.prologChunks = undefined
    return end
  }

  /** A run of text and the tag after it, read from `from`; returns the token's end. */
  private token(text: string, from: number): number {
    this.scanFrom()
    const length = text.length
    let decoded = ""
    let piece = from
    let i = from
    for (;;) {
      if (i >= length) return INCOMPLETE
      const c = text.charCodeAt(i)
      // Stryker disable next-line EqualityOperator: U+0080 takes either branch to the same end
      if (c < 0x80) {
        if (c >= SPACE) {
          if (c === LT) break
          if (c === AMP) {
            const end = this.reference(text, i, length)
            // Stryker disable next-line EqualityOperator: an end is past the token's first character, never 0
            if (end < 0) return end
            decoded += text.slice(piece, i) + this.referenced
            piece = i = end
            continue
          }
          // "]]>" is not allowed in text (saxes reports it). (Before a token is the ">" of a tag, or nothing.)
          if (c === GT && text.charCodeAt(i - 1) === RSQB && text.charCodeAt(i - 2) === RSQB) {
            return SAXES
          }
        } else if (c === NL) {
          this.scanLine++
          this.scanLineStart = this.base + i + 1
          this.scanPairs = 0
        } else if (c === CR) {
          // A line end of CR LF or CR alone is LF in text, as saxes reads it. (A CR that ends the text is
          // read again, whole, with what follows: the token is then INCOMPLETE.)
          decoded += text.slice(piece, i) + "\n"
          piece = i = text.charCodeAt(i + 1) === NL ? i + 2 : i + 1
          this.scanLine++
          this.scanLineStart = this.base + i
          this.scanPairs = 0
          continue
        } else if (c !== TAB) return SAXES // a control character
        i++
        continue
      }
      if (c < 0xd800 || (c >= 0xe000 && c <= 0xfffd)) {
        i++
        continue
      }
      // A high surrogate and the character after it are a pair, as saxes reads them. (A lone one is not
      // read here: the decoder refuses text that has one before the tokenizer sees it, in chunks.ts. One
      // that ends the text is read again with what follows, the loop finding the end.)
      if (c <= 0xdbff) {
        this.scanPairs++
        i += 2
        continue
      }
      return SAXES // a lone low surrogate, U+FFFE or U+FFFF
    }
    this.textDecoded = decoded
    this.textFrom = piece
    this.textEnd = i
    this.textLine = this.scanLine
    this.textLineStart = this.scanLineStart
    this.textPairs = this.scanPairs
    if (i + 1 >= length) return INCOMPLETE
    if (text.charCodeAt(i + 1) === SLASH) {
      const end = this.endTag(text, i)
      // Stryker disable next-line EqualityOperator: an end is past the tag's first character, never 0
      if (end < 0) return end
      this.reportRun(text)
      this.at(end)
      this.commit()
      this.sink.onCloseTag()
      this.open.pop()
      if (this.open.length === 0) this.mode = EPILOG
      return end
    }
    const end = this.startTag(text, i)
    // Stryker disable next-line EqualityOperator: an end is past the tag's first character, never 0
    if (end < 0) return end
    this.reportRun(text)
    this.reportStartTag(end)
    return end
  }

  /** The text of the run just read, reported as saxes does when it reads the `<` after it. */
  private reportRun(text: string): void {
    const run = this.textDecoded + text.slice(this.textFrom, this.textEnd)
    if (run.length > 0) this.reportText(run)
  }

  private reportText(run: string): void {
    this.eventLine = this.textLine
    this.eventColumn = this.base + this.textEnd + 1 - this.textLineStart - this.textPairs
    this.sink.onText(run)
  }

  /** What the last reference read stands for. */
  // Stryker disable next-line StringLiteral: set by each reference before it is read
  private referenced = ""

  /** An entity or character reference at `at`; returns its end, having set `referenced`. */
  private reference(text: string, at: number, length: number): number {
    // (Past the end of the text a character reads NaN: a reference cut there is INCOMPLETE below.)
    let i = at + 1
    if (text.charCodeAt(i) === HASH) {
      i++
      // saxes reads `&#x…;` in hexadecimal (a lower-case x only) and `&#…;` in decimal.
      const hex = text.charCodeAt(i) === LOWER_X
      if (hex) i++
      const digits = i
      for (;;) {
        if (i >= length) return INCOMPLETE
        const c = text.charCodeAt(i)
        if (!(c >= 0x30 && c <= 0x39) && !(hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)))) break
        i++
      }
      if (text.charCodeAt(i) !== SEMICOLON) return SAXES
      // (No digits read NaN, which is no Char; many read a number past Unicode's, which is none either.)
      const code = parseInt(text.slice(digits, i), hex ? 16 : 10)
      if (!isChar(code)) return SAXES
      this.referenced = String.fromCodePoint(code)
      return i + 1
    }
    const end = text.indexOf(";", i)
    // Stryker disable next-line ConditionalExpression: waiting for more text than the longest name's gives the same: saxes reads it
    if (end === -1) return length - i <= 4 ? INCOMPLETE : SAXES
    switch (text.slice(i, end)) {
      case "amp":
        this.referenced = "&"
        break
      case "lt":
        this.referenced = "<"
        break
      case "gt":
        this.referenced = ">"
        break
      case "quot":
        this.referenced = "\""
        break
      case "apos":
        this.referenced = "'"
        break
      default:
        return SAXES
    }
    return end + 1
  }

  /** The end tag at `at`, which must close the innermost open element; returns its end. */
  private endTag(text: string, at: number): number {
    const length = text.length
    const name = this.open[this.open.length - 1]!
    if (!text.startsWith(name, at + 2)) {
      // A name cut by the end of the text may yet be this one; one that differs is an error of saxes's.
      // Stryker disable next-line ConditionalExpression: waiting for more text gives saxes the same text later
      return name.startsWith(text.slice(at + 2)) ? INCOMPLETE : SAXES
    }
    // (A longer name is another name: its next character is no space and no ">".)
    const i = this.spaces(text, at + 2 + name.length, length)
    if (i >= length) return INCOMPLETE
    return text.charCodeAt(i) === GT ? i + 1 : SAXES
  }

  /** The start tag at `at`, read into the tag fields; returns its end. */
  private startTag(text: string, at: number): number {
    const length = text.length
    let i = at + 1
    if (NAME[text.charCodeAt(i)] !== 1) return SAXES // (NaN or a non-ASCII index reads undefined)
    i++
    // (Past the end of the text a character would read NaN, no name character, and the loop below finds the
    // end; the bound keeps the index of NAME an integer, which V8 reads faster.)
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: only faster, as said above
    while (i < length && NAME[text.charCodeAt(i)]! > 0) i++
    this.tagName = text.slice(at + 1, i)
    let attributes = NO_ATTRIBUTES
    let count = 0
    for (;;) {
      const spaced = i
      i = this.spaces(text, i, length)
      if (i >= length) return INCOMPLETE
      let c = text.charCodeAt(i)
      if (c === GT) {
        this.tagSelfClosing = false
        i++
        break
      }
      if (c === SLASH) {
        if (i + 1 >= length) return INCOMPLETE
        if (text.charCodeAt(i + 1) !== GT) return SAXES
        this.tagSelfClosing = true
        i += 2
        break
      }
      // An attribute, after white space.
      if (i === spaced || NAME[c] !== 1) return SAXES
      const nameFrom = i
      i++
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: only faster, as the tag's name
      while (i < length && NAME[text.charCodeAt(i)]! > 0) i++
      const name = text.slice(nameFrom, i)
      i = this.spaces(text, i, length)
      if (i >= length) return INCOMPLETE
      if (text.charCodeAt(i) !== EQUAL) return SAXES
      i = this.spaces(text, i + 1, length)
      if (i >= length) return INCOMPLETE
      const quote = text.charCodeAt(i)
      if (quote !== DQUOTE && quote !== SQUOTE) return SAXES
      const valueFrom = ++i
      for (;;) {
        if (i >= length) return INCOMPLETE
        c = text.charCodeAt(i)
        if (c === quote) break
        // Stryker disable next-line EqualityOperator: U+0080 takes either branch to the same end
        if (c < 0x80) {
          // White space other than a space is normalised, and references are resolved, by saxes.
          if (c < SPACE || c === LT || c === AMP) return SAXES
          i++
        } else if (c < 0xd800 || (c >= 0xe000 && c <= 0xfffd)) i++
        else if (c <= 0xdbff) {
          // (A pair, as in text.)
          this.scanPairs++
          i += 2
        } else return SAXES
      }
      const value = text.slice(valueFrom, i)
      i++
      if (count === 0) attributes = Object.create(null) as Record<string, string>
      else if (attributes[name] !== undefined) return SAXES // a duplicate: saxes reports it
      attributes[name] = value
      this.attributeLines[count] = this.scanLine
      this.attributeColumns[count] = this.base + i - this.scanLineStart - this.scanPairs
      count++
    }
    this.tagAttributes = attributes
    this.tagCount = count
    return i
  }

  /** Reports the start tag read, ending at `end`: its attributes, the tag, and its end if it closed itself. */
  private reportStartTag(end: number): void {
    this.commit()
    for (let a = 0; a < this.tagCount; a++) {
      this.eventLine = this.attributeLines[a]!
      this.eventColumn = this.attributeColumns[a]!
      this.sink.onAttribute()
    }
    this.at(end)
    // One tag object for every tag: the decoder reads it only while it handles the event.
    const tag = this.tag
    tag.name = this.tagName
    tag.attributes = this.tagAttributes
    tag.isSelfClosing = this.tagSelfClosing
    this.sink.onOpenTag(tag)
    // (A root that closes itself is read in the prolog, which sets the mode after it.)
    if (this.tagSelfClosing) this.sink.onCloseTag()
    else this.open.push(this.tagName)
  }
}

/** The buffers saxes 6 accumulates a token in until it emits an event. */
interface SaxesBuffers {
  readonly text: string
  readonly name: string
  readonly entity: string
  readonly piTarget: string
}
