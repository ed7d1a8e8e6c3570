/**
 * The decoder's tokenizer against saxes alone: for every document (every message's generated documents,
 * written in every style, mutated, the vendor's examples mutated, and hand-picked XML that the scanner
 * leaves to saxes) cut into chunks anywhere, both report the same events with the same payloads at the
 * same `line:column`, and the same first error at the same place. The scanner only reads faster what
 * saxes reads; where it hands over, saxes must go on exactly as if it had read everything itself.
 */
import { XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { Variants } from "@erpsync/conformance"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { SaxesParser, type SaxesTag } from "saxes"
import { describe, expect, it } from "vitest"
import { enter, leave, type Sink } from "../../packages/codec/src/internal/decode/parser.js"
import { Tokenizer } from "../../packages/codec/src/internal/decode/tokenizer.js"
import { messages } from "./support/messages.js"
import { applyMutation, fuzzCase, mutation } from "./support/mutations.js"

const RUNS = Number(process.env["ERPSYNC_DIFFERENTIAL_RUNS"] ?? 40)
const utf8 = new TextEncoder()

/** The first error ends a document, as it ends a decode. */
class Stop {}

type Event = ReadonlyArray<unknown>

/** Records events with the position the parser gives for each. */
class Recorder implements Sink {
  readonly events: Array<Event> = []
  constructor(private readonly position: () => readonly [number, number]) {}
  private record(...event: Event): void {
    this.events.push([...event, ...this.position()])
  }
  onError(error: Error): void {
    this.record("error", error.message)
    throw new Stop()
  }
  onXmlDecl(version: string | undefined, encoding: string | undefined): void {
    this.record("xmldecl", version, encoding)
  }
  onDoctype(): void {
    this.record("doctype")
  }
  onProcessingInstruction(target: string): void {
    this.record("pi", target)
  }
  onAttribute(): void {
    this.record("attribute")
  }
  onOpenTag(tag: SaxesTag): void {
    this.record("open", tag.name, { ...tag.attributes }, tag.isSelfClosing)
  }
  onCloseTag(): void {
    this.record("close")
  }
  onText(text: string): void {
    this.record("text", text)
  }
}

/** Runs until the first error, which the recorder has recorded. */
const untilError = (run: () => void): void => {
  try {
    run()
  } catch (e) {
    if (!(e instanceof Stop)) throw e
  }
}

/** The events of the tokenizer, given the chunks as the decoder gives them (flushed before the end). */
const tokenized = (chunks: ReadonlyArray<string>, maxTextLength = 4 * 1024 * 1024): Array<Event> =>
  tokenize(chunks, maxTextLength).events

/**
 * The same, and whether the tokenizer handed the document over to saxes; `flush: false` ends the input
 * without flushing it first.
 */
const tokenize = (
  chunks: ReadonlyArray<string>,
  maxTextLength = 4 * 1024 * 1024,
  flush = true
): { events: Array<Event>; handedOver: boolean } => {
  const position = { of: (): readonly [number, number] => [0, 0] }
  const recorder = new Recorder(() => position.of())
  const tokenizer = new Tokenizer(recorder, maxTextLength)
  position.of = () => [tokenizer.line, tokenizer.column]
  const previous = enter(recorder)
  try {
    untilError(() => {
      for (const chunk of chunks) tokenizer.write(chunk)
      if (flush) tokenizer.flush()
      tokenizer.close()
    })
  } finally {
    leave(previous)
  }
  return { events: recorder.events, handedOver: tokenizer.handedOver }
}

/** The events of saxes alone, set up as the decoder sets it up. */
const saxed = (chunks: ReadonlyArray<string>): Array<Event> => {
  const parser = new SaxesParser({ xmlns: false, position: true, forceXMLVersion: true, defaultXMLVersion: "1.0" })
  const recorder = new Recorder(() => [parser.line, parser.column])
  parser.on("error", (e) => recorder.onError(e))
  parser.on("xmldecl", (d) => recorder.onXmlDecl(d.version, d.encoding))
  parser.on("doctype", () => recorder.onDoctype())
  parser.on("processinginstruction", (pi) => recorder.onProcessingInstruction(pi.target))
  parser.on("attribute", () => recorder.onAttribute())
  parser.on("opentag", (tag) => recorder.onOpenTag(tag))
  parser.on("closetag", () => recorder.onCloseTag())
  parser.on("text", (text) => recorder.onText(text))
  parser.on("cdata", (text) => recorder.onText(text))
  untilError(() => {
    for (const chunk of chunks) parser.write(chunk)
    parser.close()
  })
  return recorder.events
}

/** `text` cut at the given offsets (anywhere, a surrogate pair too). */
const cutText = (text: string, cuts: ReadonlyArray<number>): Array<string> => {
  const offsets = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
  const chunks: Array<string> = []
  let from = 0
  for (const offset of offsets) {
    chunks.push(text.slice(from, offset))
    from = offset
  }
  chunks.push(text.slice(from))
  return chunks
}

const agree = (text: string, cuts: ReadonlyArray<number>): void => {
  const chunks = cutText(text, cuts)
  expect(tokenized(chunks)).toEqual(saxed(chunks))
}

const cuts = fc.array(fc.nat(), { maxLength: 6 })

const textOf = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Documents the scanner reads itself, and every construct it leaves to saxes, right and wrong. */
const PICKED = [
  `<a>x</a>`,
  `<?xml version="1.0" encoding="utf-8"?>\n<a b="1" c='2'>x &amp; &lt; &gt; &quot; &apos; &#65; &#x1F600; y</a>\n`,
  `<?xml version='1.0'?><a/>`,
  `<?xml version="1.0" standalone="yes"?> <a/> \n `,
  `<?xml version="1.1"?><a/>`,
  `<?xml version="1.0" encoding="latin1"?><a/>`,
  `<?xml  version="1.0"?><a/>`,
  ` <?xml version="1.0"?><a/>`,
  `\uFEFF<a/>`,
  `<a><b>1</b><b>2</b>\n  <c d="\u00e9\u{1F600}"/></a>`,
  `<a>\u00e9\u{1F600}\n\u00e9<b/>\u{1F600}</a>`,
  `<a>]]></a>`,
  `<a>]]&gt;</a>`,
  `<a>]]]></a>`,
  `<a>x\r\ny</a>`,
  `<a b="x\ty"/>`,
  `<a b="x\ny"/>`,
  `<a b="&amp;"/>`,
  `<a b="<"/>`,
  `<a b="1" b="2"/>`,
  `<a b="1"c="2"/>`,
  `<a b=1/>`,
  `<a b/>`,
  `<a\n  b = "1"\n  c="2"\n/>`,
  `<a / >`,
  `<a></b>`,
  `<a><b></a>`,
  `<a></a >`,
  `<a></a\n>`,
  `<a></ab>`,
  `<ab></a>`,
  `<a>x</a><b/>`,
  `<a/>x`,
  `<a/><!-- c -->`,
  `<a/><?pi?>`,
  `x<a/>`,
  `<!-- c --><a/>`,
  `<!DOCTYPE a><a/>`,
  `<a><![CDATA[<x>]]></a>`,
  `<a><!-- c --></a>`,
  `<a><?pi x?></a>`,
  `<\u00e9l\u00e9ment/>`,
  `<a \u00e9="1"/>`,
  `<a>&unknown;</a>`,
  `<a>&amp</a>`,
  `<a>&#0;</a>`,
  `<a>&#xD800;</a>`,
  `<a>&#X41;</a>`,
  `<a>&#x;</a>`,
  `<a>&#13;</a>`,
  `<a>&#123456789;</a>`,
  `<a>&;</a>`,
  `<a>\u0001</a>`,
  `<a>\uFFFE</a>`,
  `<a>\uDC00</a>`,
  `<a>`,
  `<a><b>`,
  ``,
  `   `,
  `<`,
  `<a`,
  `<a b="1"`,
  `<a>text`,
  `<a></`,
  `<a></a`,
  `<a:b:c xmlns:a="urn:a"/>`,
  `<1a/>`,
  `<a>\u2028</a>`,
  `<a>&#x110000;</a>`,
  `<a>&#1114112;</a>`,
  `<a/>\n\n \r\n x`,
  `<?pi x?><?xml version="1.0"?><a/>`,
  `<?pi x?><a><?xml version="1.0"?></a>`,
  `<a><!-- c --><b>t</b></a>`,
  `<a><![CDATA[x]]><b>t</b></a>`,
  // Character references just outside what the scanner reads: a digit's neighbours, no ";".
  `<a>&#65/;</a>`,
  `<a>&#x41@;</a>`,
  `<a>&#x41G;</a>`,
  `<a>&#x41\`;</a>`,
  `<a>&#x41g;</a>`,
  `<a>&#65x;</a>`,
  `<a>&#65</a>`,
  `<a>&amp x;</a>`,
  // Surrogates that make no pair, in text and in an attribute (the decoder refuses them before the tokenizer
  // reads them: here, a high one is read with what follows as a pair, as saxes reads it, and a low one is
  // refused); an attribute's value not quoted.
  `<a>\uDC00\uDC00</a>`,
  `<a>\uD800x</a>`,
  `<a b="\uDC00\uDC00"/>`,
  `<a b="\uD800x"/>`,
  `<a b=x c="1"x/>`
]

/** Documents of the XML that SOAP stacks write: the scanner reads them itself, however they are cut. */
const OWN = [
  `<a>x</a>`,
  `<?xml version="1.0" encoding="utf-8"?>\n<a b="1" c='2'>x &amp; &lt; &gt; &quot; &apos; &#65; &#x1F600; y</a>\n`,
  `<?xml version='1.0'?><a/>`,
  `<?xml version="1.0" standalone="yes"?> <a/> \n `,
  `<a><b>1</b><b>2</b>\n  <c d="\u00e9\u{1F600}"/></a>`,
  `<a>\u00e9\u{1F600}\n\u00e9<b/>\u{1F600}</a>`,
  `<a>]]&gt;</a>`,
  `<a\n  b = "1"\n\tc="2"\n/>`,
  `<a></a >`,
  `<a></a\n>`,
  `<a:b:c xmlns:a="urn:a"/>`,
  `<a>&#13;\t</a>`,
  `<a>x\r\ny\rz\r\r\n</a>`,
  `<?xml version="1.0"?>\r\n<a\r\n  b="1"\r c="2"></a\r\n>\r\n\r`,
  // Character references at the edges of XML's Char, and text with more ">" than a chunk is joined at.
  `<a>&#9;&#10;&#x20;&#32;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;&#1114111;</a>`,
  `<a>${"b>".repeat(12)}<c>${"d>".repeat(12)}</c></a>`,
  // Text with "]" and ">" that is not "]]>", hexadecimal digits of either case at their edges, and
  // references of more digits than a code point needs.
  `<a>]]x x]> ]x> >]</a>`,
  `<a>&#x41;&#xA0;&#xF0;&#xa0;&#xf0;&#x0000004A;&#90;</a>`,
  `<a>&#000000065;&#x000000041;</a>`,
  // The ends of the ranges of characters, in text and in an attribute's value (with a space).
  `<a b="x y\u0080\uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}" c="1">\u0080\uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}</a>`
]

/** Documents with a construct the scanner leaves to saxes, right or wrong. */
const SAXES_READS = [
  `<a b="x\ty"/>`,
  `<a b="&amp;"/>`,
  `<a><![CDATA[<x>]]></a>`,
  `<a><!-- c --></a>`,
  `<a/><!-- c -->`,
  `<!-- c --><a/>`,
  `<\u00e9l\u00e9ment/>`,
  `<a>&unknown;</a>`,
  `<a>]]></a>`,
  `<a b="1" b="2"/>`,
  `<a></b>`,
  `<?xml  version="1.0"?><a/>`,
  `\uFEFF<a/>`,
  `<a>`
]

describe("what the scanner reads itself, and what it leaves to saxes", () => {
  it.each(OWN.map((text) => [JSON.stringify(text), text] as const))("reads %s itself, cut anywhere", (_, text) => {
    fc.assert(
      fc.property(cuts, (c) => {
        const chunks = cutText(text, c)
        const own = tokenize(chunks)
        expect(own.handedOver).toBe(false)
        expect(own.events).toEqual(saxed(chunks))
      }),
      { numRuns: 20 }
    )
    for (let at = 0; at <= text.length; at++) {
      const chunks = cutText(text, [at])
      const own = tokenize(chunks)
      expect(own.handedOver, `cut at ${at}`).toBe(false)
      expect(own.events, `cut at ${at}`).toEqual(saxed(chunks))
    }
  })

  it.each(SAXES_READS.map((text) => [JSON.stringify(text), text] as const))("leaves %s to saxes", (_, text) => {
    expect(tokenize([text]).handedOver).toBe(true)
  })

  it("a token longer than the text limit, or than the longest kept, is left to saxes", () => {
    expect(tokenize(cutText(`<a>${"y".repeat(300_000)}</a>`, [100_000, 280_000])).handedOver).toBe(true)
    expect(tokenize(cutText(`<a>${"y".repeat(300_000)}</a>`, [100_000])).handedOver).toBe(false)
    expect(tokenize(cutText(`<a>${"y".repeat(2000)}</a>`, [1500]), 1000).handedOver).toBe(true)
    expect(tokenize(cutText(`<a>${"y".repeat(2000)}</a>`, [1500]), 4000).handedOver).toBe(false)
    // A text run of exactly the longest kept is kept; one character more is left to saxes. (It starts
    // after <a>, three characters into the chunk.)
    const run = (n: number) => cutText(`<a>${"y".repeat(n)}</a>`, [3 + n])
    expect(tokenize(run(1000), 1000).handedOver).toBe(false)
    expect(tokenize(run(1001), 1000).handedOver).toBe(true)
    expect(tokenize(run(1000), 1000).events).toEqual(saxed(run(1000)))
  })
})

describe("the tokenizer against saxes", () => {
  it.each(PICKED.map((text) => [JSON.stringify(text), text] as const))("%s, cut anywhere", (_, text) => {
    fc.assert(fc.property(cuts, (c) => agree(text, c)), { numRuns: 20 })
    agree(text, [])
  })

  it.each(PICKED.map((text) => [JSON.stringify(text), text] as const))("%s, cut once at every place", (_, text) => {
    for (let at = 0; at <= text.length; at++) agree(text, [at])
  })

  it("the end of the input read without a flush before it, as saxes reads it", () => {
    for (const text of [`<a>text`, `<a/>\n \n`, `<a></a`, `<?xml version="1.0"?>`]) {
      for (let at = 0; at <= text.length; at++) {
        const chunks = cutText(text, [at])
        expect(tokenize(chunks, undefined, false).events, `${text} cut at ${at}`).toEqual(saxed(chunks))
      }
    }
  })

  it("every character at every place of a small document", () => {
    // Each printable ASCII character, a few others, and nothing, put at every offset of one document.
    const base = `<?xml version="1.0"?>\n<a x="1"><b>t&amp;u</b>\n<c/></a>\n`
    const characters = ["", "\t", "\n", "\r", "\u00e9", "\u{1F600}", "\uFFFF"]
    for (let c = 0x20; c < 0x7f; c++) characters.push(String.fromCharCode(c))
    for (let at = 0; at <= base.length; at++) {
      for (const character of characters) agree(base.slice(0, at) + character + base.slice(at), [])
      agree(base.slice(0, at) + base.slice(at + 1), [])
    }
  })

  it("a long token carried across chunks, and one handed over as too long to carry", () => {
    const long = "y".repeat(70_000)
    for (const text of [`<a>${long}</a>`, `<a b="${long}"/>`, `<a/>${" ".repeat(70_000)}`]) {
      const chunks = cutText(text, [10, 40_000, 65_536, 69_999])
      expect(tokenized(chunks)).toEqual(saxed(chunks))
      expect(tokenized(chunks, 1000)).toEqual(saxed(chunks))
    }
  })
})

describe.each(messages.map((m) => [m.label, m] as const))("%s", (_, { schema }) => {
  const encode = XmlCodec.encodeResult(schema)
  const document = Arbitrary.make(schema).map((value) => Result.getOrThrow(encode(value)))
  const style = Variants.styles(Variants.namespacesOf(schema))

  it("the same events for every generated document in any style, cut anywhere, read by the scanner itself", () => {
    fc.assert(
      fc.property(document, style, cuts, (xml, style, c) => {
        const chunks = cutText(Variants.writeTree(Variants.parseTree(xml), style), c)
        const own = tokenize(chunks)
        expect(own.events).toEqual(saxed(chunks))
        expect(own.handedOver).toBe(false)
      }),
      { numRuns: RUNS }
    )
  })

  it("the same events or error for every mutated document", () => {
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 3 }), cuts, (xml, mutations, c) => {
        const text = textOf(mutations.reduce(applyMutation, utf8.encode(xml)))
        if (text !== undefined) agree(text, c)
      }),
      { numRuns: RUNS }
    )
  })
})

it("the same events or error for every mutated vendor example, cut anywhere", () => {
  fc.assert(
    fc.property(fuzzCase, (c) => {
      const text = textOf(c.mutations.reduce(applyMutation, c.input))
      if (text !== undefined) agree(text, c.cuts)
    }),
    { numRuns: RUNS * 25 }
  )
})

it("hands a prolog over to saxes in the pieces it came in: where saxes reports some errors depends on them", () => {
  // Text after the declaration: saxes given the document in these two pieces reports it as text, and its
  // error at 2:1; given it whole, it reports the error at 1:49 without the text.
  const chunks = ["<", "?xml version=\"1.0\" encoding=\"UTF-8\"?>g=\"UTF-8\"?>\n<a/>"]
  expect(saxed(chunks)).toContainEqual(["text", "g=\"UTF-8\"?>\n", 2, 1])
  agree(chunks.join(""), [1])
  for (let cut = 0; cut <= chunks.join("").length; cut++) agree(chunks.join(""), [cut])
})
