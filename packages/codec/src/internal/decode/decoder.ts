/**
 * The streaming decoder: a state machine driven by the tokenizer's events (`tokenizer.ts`), built from a
 * plan. It keeps one frame per open element, fills values as elements close, and stops at the first
 * problem with a typed error.
 * This file is the hot part, elements opening and closing; the envelope (`envelope.ts`), Faults
 * (`capture.ts`), input text (`chunks.ts`), completed values (`complete.ts`) and errors (`location.ts`)
 * have files of their own, which share the decoder's state.
 */
import type { SaxesTag } from "saxes"
import type { DecodeError } from "../../XmlError.js"
import { XSI } from "../namespaces.js"
import { collapse, detach } from "../schema/lexical.js"
import type { RootPlan } from "../schema/plan.js"
import { captureText, closeCapture, openCapture } from "./capture.js"
import { endInput, writeChunk, writePieces } from "./chunks.js"
import { complete, unwrap, withAbsentMembers } from "./complete.js"
import { closeBody, closeEnvelope, openEnvelope, openInBody, openInEnvelope } from "./envelope.js"
import { MAX_CAPTURE_LENGTH } from "./fault.js"
import {
  ABSENT,
  ARRAY,
  BODY,
  CAPTURE,
  COMPLEX,
  DOCUMENT,
  ENVELOPE,
  exhaustive,
  Frame,
  type FrameKind,
  HEADER,
  NIL,
  SIMPLE,
  SKIP
} from "./frame.js"
import type { Limits } from "./limits.js"
import { decodeError, DecodeFailure, envelopeError, limitError, parseError, preview, valueError } from "./location.js"
import type { Sink } from "./parser.js"
import { Scope } from "./scope.js"
import { type ArrayShape, type ComplexShape, type SimpleShape, type Slot, slotOf } from "./shape.js"
import { Tokenizer } from "./tokenizer.js"

export { DecodeFailure } from "./location.js"

const WHITESPACE = /^[ \t\n\r]*$/

/** What the decoder returns once the document has ended. */
export interface Decoded {
  readonly value: unknown
  readonly soapVersion: "1.1" | "1.2" | undefined
}

/**
 * A push decoder: `write` text as it arrives, then `end`. Both throw `DecodeFailure`; after a failure the
 * decoder is spent. Its fields are the state that the other files of the decoder share.
 */
export class Decoder implements Sink {
  readonly parser: Tokenizer
  readonly scope = new Scope()
  /** The expanded name of the tag being opened, set by `onOpenTag` before anything reads it. */
  // Stryker disable next-line StringLiteral: set for every tag before it is read
  uri = ""
  // Stryker disable next-line StringLiteral: as above
  local = ""
  readonly stack: Array<Frame> = []
  top = -1
  depth = 0
  attributes = 0
  tagAttributes = 0
  /** Characters written so far. */
  length = 0
  failure: DecodeFailure | undefined = undefined
  result: unknown = ABSENT
  soapVersion: "1.1" | "1.2" | undefined = undefined
  // Stryker disable next-line StringLiteral: set when the Envelope opens, read only inside it
  envelopeNamespace = ""
  headerFrame: Frame | undefined = undefined
  sawHeaderElement = false
  bodyValue: unknown = ABSENT
  sawBody = false
  /** The input has ended: an error now is about a document cut short. */
  closing = false
  pendingHighSurrogate = ""
  captureBudget = MAX_CAPTURE_LENGTH

  constructor(readonly plan: RootPlan, readonly limits: Limits) {
    this.parser = new Tokenizer(this, limits.maxTextLength)
    // Stryker disable next-line StringLiteral: the document's frame is never part of a path
    this.push(DOCUMENT, "")
    // Stryker disable next-line ConditionalExpression,EqualityOperator,CallExpression: the idle decoder only keeps compiled code warm
    if (warm === undefined) keepWarm()
  }

  /** Feeds decoded text. */
  write(text: string): void {
    if (this.failure !== undefined) throw this.failure
    writeChunk(this, text)
  }

  /** Feeds the text of one chunk of bytes, decoded in pieces. */
  writePieces(pieces: ReadonlyArray<string>): void {
    if (this.failure !== undefined) throw this.failure
    writePieces(this, pieces)
  }

  /** Ends the input: checks the document is complete and returns its value. */
  end(): Decoded {
    if (this.failure !== undefined) throw this.failure
    // saxes reports a document whose root element is missing or not closed (onError: Empty, Truncated),
    // so once it has closed, the root element's value is here.
    endInput(this)
    return { value: this.result, soapVersion: this.soapVersion }
  }

  fail(error: DecodeError): never {
    // The first error is final: every later call reports it again.
    this.failure = new DecodeFailure(error)
    throw this.failure
  }

  // -------------------------------------------------------------------------------------------
  // parser events
  // -------------------------------------------------------------------------------------------

  onError(error: Error): void {
    // saxes prefixes its messages with line:column (the parser has no file name); the location fields
    // carry them instead.
    // Stryker disable next-line Regex: saxes's messages have no other line:column in them
    const detail = error.message.replace(/^\d+:\d+: /, "")
    const reason = !this.closing ? "Malformed" : this.stack[0]!.count === 0 ? "Empty" : "Truncated"
    this.fail(parseError(this, reason, detail))
  }

  onXmlDecl(version: string | undefined, encoding: string | undefined): void {
    // A declaration without a version is an error saxes reports first; this one is then final.
    if (version !== "1.0") {
      this.fail(parseError(this, "Version", `XML version ${version} is not supported; only 1.0 is`))
    }
    if (encoding !== undefined && encoding.toLowerCase() !== "utf-8") {
      this.fail(parseError(this, "Encoding", `the document declares encoding ${encoding}; only UTF-8 is supported`))
    }
  }

  onDoctype(): void {
    this.fail(parseError(this, "Doctype", "a DOCTYPE is not allowed in a SOAP message"))
  }

  onProcessingInstruction(target: string): void {
    this.fail(parseError(this, "ProcessingInstruction", `processing instruction <?${target}?> is not allowed`))
  }

  onAttribute(): void {
    if (++this.attributes > this.limits.maxAttributes) this.fail(limitError(this, "Attributes", "maxAttributes"))
  }

  onText(text: string): void {
    const frame = this.stack[this.top]!
    switch (frame.kind) {
      case SIMPLE:
        if (frame.text.length + text.length > this.limits.maxTextLength) {
          this.fail(limitError(this, "TextLength", "maxTextLength"))
        }
        frame.text += text
        return
      case SKIP:
        return
      case CAPTURE:
        return captureText(this, frame, text)
      case NIL:
        this.fail(decodeError(this, "InvalidNil", "an element with xsi:nil=\"true\" must be empty"))
        break
      case DOCUMENT:
        // Text outside the root: saxes reports anything that is not whitespace.
        return
      case COMPLEX:
      case ARRAY:
        if (!WHITESPACE.test(text)) {
          this.fail(decodeError(this, "UnexpectedText", `unexpected text ${preview(text)} in element content`))
        }
        return
      case ENVELOPE:
      case HEADER:
      case BODY:
        if (!WHITESPACE.test(text)) this.fail(envelopeError(this, "UnexpectedText", `unexpected text ${preview(text)}`))
        return
      // Stryker disable next-line ConditionalExpression: no frame has another kind (the type checker's case)
      default:
        return exhaustive(frame.kind)
    }
  }

  onOpenTag(tag: SaxesTag): void {
    // Attributes are counted as saxes reads them (before this event); the count is this tag's.
    this.tagAttributes = this.attributes
    this.attributes = 0
    this.scope.open(++this.depth)
    // The fast path: a tag without attributes (so no declarations and no xsi:nil) whose name is the one
    // the element expected next (the member after the last, an array's item) last came under, with the
    // bindings the same since. Its expanded name is then known, and so are its shape and its place.
    // Stryker disable next-line ConditionalExpression: a fast path; below, the element opens the same way
    if (this.tagAttributes === 0 && this.openExpected(tag)) return
    this.resolveNames(tag)
    // The depth is checked here, once the names are resolved as saxes would before this event, and
    // before the tag is dispatched (which saves a handler call per element, next to opentagstart).
    if (this.depth > this.limits.maxDepth) this.fail(limitError(this, "Depth", "maxDepth", this.local))
    const parent = this.stack[this.top]!
    const local = this.local
    switch (parent.kind) {
      case DOCUMENT: {
        // A second root element is an error saxes reports before this event. Seen a root, an end of the
        // input is Truncated, not Empty (onError).
        parent.count = 1
        if (this.plan._tag === "Envelope") return openEnvelope(this)
        const root = this.plan.root
        if (local !== root.name || this.uri !== root.namespace) {
          this.fail(
            decodeError(
              this,
              "UnexpectedElement",
              `expected root element {${root.namespace}}${root.name}, found {${this.uri}}${local}`,
              local
            )
          )
        }
        // Stryker disable next-line UnaryOperator: the root's value is the result, not in a slot
        return this.openElement(slotOf(root), tag, -1, 0)
      }
      case ENVELOPE:
        return openInEnvelope(this, tag)
      case HEADER:
      case COMPLEX:
        return this.openMember(parent, tag)
      case BODY:
        return openInBody(this, parent, tag)
      case ARRAY: {
        const slot = (parent.shape as ArrayShape).itemSlot
        if (local !== slot.decl.name || this.uri !== slot.decl.namespace) {
          this.push(SKIP, local)
          return
        }
        if (parent.items!.length >= this.limits.maxItems) this.fail(limitError(this, "Items", "maxItems", local))
        // Stryker disable next-line CallExpression: what the fast path knows; without it, every tag takes this path
        this.remember(slot, tag)
        // Stryker disable next-line UnaryOperator: an item has no slot; complete() appends it
        return this.openElement(slot, tag, -1, parent.items!.length + 1)
      }
      case SIMPLE:
        this.fail(decodeError(this, "UnexpectedElement", `element ${local} inside simple content`, local))
        break
      case NIL:
        this.fail(decodeError(this, "InvalidNil", "an element with xsi:nil=\"true\" must be empty", local))
        break
      case SKIP:
        parent.count++
        return
      case CAPTURE:
        return openCapture(this, tag)
      // Stryker disable next-line ConditionalExpression: no frame has another kind (the type checker's case)
      default:
        return exhaustive(parent.kind)
    }
  }

  /** Opens the tag as the element expected next, if it is that element (see `onOpenTag`); or does nothing. */
  // Stryker disable next-line BlockStatement: a fast path declined; onOpenTag opens the element the same way
  private openExpected(tag: SaxesTag): boolean {
    const parent = this.stack[this.top]!
    const generation = this.scope.generation
    // Stryker disable next-line ConditionalExpression,BlockStatement: as above
    if (parent.kind === COMPLEX) {
      const index = parent.last + 1
      const slot = (parent.shape as ComplexShape).slots[index]
      // Stryker disable next-line ConditionalExpression: as above
      if (slot === undefined || slot.tagName !== tag.name || slot.generation !== generation) return false
      this.expect(slot)
      parent.last = index
      this.openValue(slot, index, 0)
      return true
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: as above
    if (parent.kind === ARRAY) {
      const slot = (parent.shape as ArrayShape).itemSlot
      // Stryker disable next-line ConditionalExpression: as above
      if (slot.tagName !== tag.name || slot.generation !== generation) return false
      this.expect(slot)
      if (parent.items!.length >= this.limits.maxItems) this.fail(limitError(this, "Items", "maxItems", this.local))
      // Stryker disable next-line UnaryOperator: an item has no slot; complete() appends it
      this.openValue(slot, -1, parent.items!.length + 1)
      return true
    }
    return false
  }

  /** Takes the expanded name of the tag from its slot, and checks the depth (as `onOpenTag` does). */
  private expect(slot: Slot): void {
    this.uri = slot.decl.namespace
    this.local = slot.decl.name
    if (this.depth > this.limits.maxDepth) this.fail(limitError(this, "Depth", "maxDepth", this.local))
  }

  /** Notes the tag name `slot`'s element came under, in the bindings now in scope. */
  // Stryker disable next-line BlockStatement: as the calls' comments say
  private remember(slot: Slot, tag: SaxesTag): void {
    slot.tagName = tag.name
    slot.generation = this.scope.generation
  }

  /**
   * Adds the tag's declarations to its scope, and resolves its name and its attributes' prefixes: every
   * prefix must be bound, and no two attributes may have one expanded name.
   */
  private resolveNames(tag: SaxesTag): void {
    const scope = this.scope
    const attributes = tag.attributes as Record<string, string>
    let prefixed = 0
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path; a tag without attributes has none to read
    if (this.tagAttributes > 0) {
      for (const name in attributes) {
        let problem: string | undefined
        if (name === "xmlns") problem = scope.declare("", attributes[name]!)
        else if (name.startsWith("xmlns:")) {
          const declared = scope.attribute(name)
          problem = "problem" in declared ? declared.problem : scope.declare(declared.local, attributes[name]!)
        } else {
          // Stryker disable next-line ConditionalExpression,StringLiteral: the count only spares checks; counting more checks more, and finds the same
          if (name.includes(":")) prefixed++
        }
        if (problem !== undefined) this.fail(parseError(this, "Malformed", problem))
      }
    }
    const element = scope.element(tag.name)
    if ("problem" in element) this.fail(parseError(this, "Malformed", element.problem))
    this.uri = element.uri
    this.local = element.local
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path; without prefixed attributes the check finds nothing
    if (prefixed > 0) this.checkAttributeNames(attributes, prefixed)
  }

  /** Every prefixed attribute (but declarations) bound, and no two attributes of one expanded name. */
  private checkAttributeNames(attributes: Record<string, string>, prefixed: number): void {
    const seen = new Set<string>()
    for (const name in attributes) {
      if (!name.includes(":") || name.startsWith("xmlns:")) continue
      const resolved = this.scope.attribute(name)
      if ("problem" in resolved) this.fail(parseError(this, "Malformed", resolved.problem))
      // Stryker disable next-line ConditionalExpression: a fast path; one attribute has no duplicate
      if (prefixed === 1) return
      const expanded = `{${resolved.uri}}${resolved.local}`
      if (seen.has(expanded)) this.fail(parseError(this, "Malformed", `duplicate attribute: ${expanded}.`))
      seen.add(expanded)
    }
  }

  onCloseTag(): void {
    const depth = this.depth--
    this.closeElement()
    this.scope.close(depth)
  }

  private closeElement(): void {
    const frame = this.stack[this.top]!
    switch (frame.kind) {
      case SKIP:
        if (frame.count > 0) {
          frame.count--
          return
        }
        this.top--
        return
      case SIMPLE: {
        const shape = frame.shape as SimpleShape
        // Stryker disable next-line ConditionalExpression,BooleanLiteral,BlockStatement: a fast path; parsing gives the same text
        if (shape.type.identity === true && shape.wrappers.length === 0) {
          return complete(this, frame, detach(frame.text))
        }
        const parsed = shape.type.parse(frame.text)
        if (!parsed.ok) this.fail(valueError(this, frame, parsed.message))
        return complete(this, frame, unwrap(this, frame, shape, parsed.value))
      }
      case COMPLEX: {
        const members = (frame.shape as ComplexShape).members
        // Stryker disable next-line ConditionalExpression: a fast path; completing an object with every member gives the same
        const value = frame.count === members.length ? frame.object! : withAbsentMembers(this, frame)
        return complete(this, frame, unwrap(this, frame, frame.shape!, value))
      }
      case ARRAY:
        return complete(this, frame, unwrap(this, frame, frame.shape!, frame.items))
      case NIL:
        return complete(this, frame, null)
      case HEADER:
        this.top--
        return
      case BODY:
        return closeBody(this, frame)
      case ENVELOPE:
        return closeEnvelope(this)
      case CAPTURE:
        return closeCapture(this, frame)
      // Stryker disable all: saxes never closes the document itself
      case DOCUMENT:
        throw new Error("the document closed as an element")
      // Stryker restore all
      // Stryker disable next-line ConditionalExpression: no frame has another kind (the type checker's case)
      default:
        return exhaustive(frame.kind)
    }
  }

  // -------------------------------------------------------------------------------------------
  // opening elements
  // -------------------------------------------------------------------------------------------

  push(kind: FrameKind, name: string): Frame {
    const index = ++this.top
    let frame = this.stack[index]
    // Stryker disable next-line ConditionalExpression: frames are reused; a new one is the same
    if (frame === undefined) {
      frame = new Frame()
      this.stack[index] = frame
    }
    frame.kind = kind
    frame.name = name
    frame.position = 0
    // Stryker disable next-line UnaryOperator: reset here, set by every frame whose slot is read
    frame.slot = -1
    frame.shape = undefined
    frame.values = undefined
    frame.object = undefined
    frame.items = undefined
    frame.last = -1
    frame.text = ""
    frame.count = 0
    frame.ordered = true
    frame.capture = undefined
    return frame
  }

  /** Opens an element inside a struct (or the header): the member it is, in sequence order. */
  openMember(parent: Frame, tag: SaxesTag): void {
    const shape = parent.shape as ComplexShape
    const local = this.local
    let index = -1
    // Fast path: members usually arrive in sequence order, so try the one after the last first.
    const next = shape.members[parent.last + 1]
    // Stryker disable next-line ConditionalExpression: a fast path; the look-up by name finds the same member
    if (next !== undefined && next.name === local && next.namespace === this.uri) index = parent.last + 1
    // Stryker disable next-line ConditionalExpression: as above
    const candidates = index === -1 ? shape.byLocal.get(local) : undefined
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i++) {
        if (shape.members[candidates[i]!]!.namespace === this.uri) {
          index = candidates[i]!
          break
        }
      }
    }
    if (index === -1) {
      // Unknown elements are skipped, as WCF does, for forward compatibility.
      this.push(SKIP, local)
      return
    }
    if (parent.ordered) {
      // Members arrive in strictly increasing order: the same one again is a duplicate.
      if (index === parent.last) {
        this.fail(decodeError(this, "DuplicateElement", `element ${local} appears twice`, local))
      }
      // Stryker disable next-line EqualityOperator: index === parent.last is the duplicate, refused above
      if (index < parent.last) {
        const after = shape.members[parent.last]!.name
        this.fail(decodeError(this, "OutOfOrder", `element ${local} must come before ${after}`, local))
      }
      parent.last = index
    } else if (parent.values![index] !== ABSENT) {
      this.fail(decodeError(this, "DuplicateElement", `element ${local} appears twice`, local))
    }
    const slot = shape.slots[index]!
    // Stryker disable next-line CallExpression: as above
    this.remember(slot, tag)
    this.openElement(slot, tag, index, 0)
  }

  /** Opens the element `slot` declares, as member `index` of its parent or item `position` of its array. */
  openElement(slot: Slot, tag: SaxesTag, index: number, position: number): void {
    if (!this.nilOf(tag)) return this.openValue(slot, index, position)
    const decl = slot.decl
    if (!decl.nillable) {
      this.fail(decodeError(this, "InvalidNil", `element ${decl.name} is not nillable`, decl.name))
    }
    const frame = this.push(NIL, decl.name)
    frame.slot = index
    frame.position = position
  }

  /** Opens the element `slot` declares, known not to be nil. */
  private openValue(slot: Slot, index: number, position: number): void {
    const shape = slot.shape
    const frame = this.push(shape.kind, slot.decl.name)
    frame.slot = index
    frame.position = position
    frame.line = this.parser.line
    frame.column = this.parser.column + 1
    frame.shape = shape
    // Stryker disable next-line ConditionalExpression: only a complex frame reads its object
    if (shape.kind === COMPLEX) frame.object = {}
    // Stryker disable next-line ConditionalExpression: only an array's frame reads its items
    if (shape.kind === ARRAY) frame.items = []
  }

  private nilOf(tag: SaxesTag): boolean {
    // Stryker disable next-line ConditionalExpression: a fast path; the loop finds no attribute either
    if (this.tagAttributes === 0) return false
    const attributes = tag.attributes as Record<string, string>
    for (const name in attributes) {
      // xsi:nil under any prefix bound to XSI (its prefixes were checked when the tag opened).
      if (!name.endsWith(":nil") || this.scope.resolve(name.slice(0, -4)) !== XSI) continue
      const value = attributes[name]!
      switch (collapse(value)) {
        case "true":
        case "1":
          return true
        case "false":
        case "0":
          return false
        default:
          this.fail(decodeError(this, "InvalidNil", `xsi:nil=${JSON.stringify(value)} is not a boolean`, this.local))
      }
    }
    return false
  }
}

/**
 * One idle decoder kept for the life of the process from the first decoder on. V8's hidden classes are
 * held weakly: once no decoder, frame or parser is alive, a major GC collects their classes and
 * deoptimises all the code that was compiled for them, so every document after an idle GC would start
 * cold. This instance never parses; it keeps those classes, and the code built on them, alive. It is made
 * with the first decoder rather than when the module loads, so that importing the codec runs none of the
 * decoder's code.
 */
let warm: Decoder | null | undefined = undefined

// Stryker disable all: this decoder never parses, so nothing in its plan or limits is ever read
const keepWarm = (): void => {
  warm = null
  warm = new Decoder(
    {
      _tag: "Document",
      root: {
        name: "",
        namespace: "",
        nillable: false,
        node: {
          _tag: "Simple",
          type: {
            name: { namespace: "", name: "" },
            parse: (t) => ({ ok: true, value: t }),
            format: (v) => ({ ok: true, value: String(v) }),
            default: ""
          }
        }
      }
    },
    { maxDepth: 1, maxMessageLength: 0, maxTextLength: 0, maxAttributes: 0, maxItems: 0 }
  )
  // Its tokenizer hands over to saxes at once, and keeps saxes's classes alive too.
  warm.parser.flush()
}
// Stryker restore all
