/**
 * The reference decoder of the differential tests: the codec's decoder as it was before it was made fast
 * (one class, saxes's events through per-instance handlers, names resolved by its own scope), kept here
 * as it was so that the codec's decoder can be checked against it on every generated and mutated
 * document. It shares the plan, the shapes, the frames and the lexical rules with the codec.
 */
import { SaxesParser, type SaxesTag } from "saxes"
import { type Captured, MAX_CAPTURE_LENGTH, readFault } from "../../../packages/codec/src/internal/decode/fault.js"
import {
  ABSENT,
  ARRAY,
  BODY,
  CAPTURE,
  COMPLEX,
  DOCUMENT,
  ENVELOPE,
  Frame,
  type FrameKind,
  HEADER,
  NIL,
  SIMPLE,
  SKIP
} from "../../../packages/codec/src/internal/decode/frame.js"
import type { Limits } from "../../../packages/codec/src/internal/decode/limits.js"
import {
  type ArrayShape,
  type ComplexShape,
  complexShape,
  type Shape,
  shapeOf,
  type SimpleShape
} from "../../../packages/codec/src/internal/decode/shape.js"
import { describeCharacter } from "../../../packages/codec/src/internal/escape.js"
import { SOAP11, SOAP12, XMLNS, XSI } from "../../../packages/codec/src/internal/namespaces.js"
import { setProperty } from "../../../packages/codec/src/internal/property.js"
import { collapse, detach } from "../../../packages/codec/src/internal/schema/lexical.js"
import type { ElementDecl, Member, RootPlan } from "../../../packages/codec/src/internal/schema/plan.js"
import {
  type DecodeError,
  SoapEnvelopeError,
  SoapFault,
  XmlDecodeError,
  XmlLimitError,
  XmlParseError
} from "../../../packages/codec/src/XmlError.js"
import { Scope } from "./referenceScope.js"

/** Thrown inside saxes handlers and caught at the decoder's edge: carries the typed error. */
export class ReferenceFailure {
  constructor(readonly error: DecodeError) {}
}

const WHITESPACE = /^[ \t\n\r]*$/

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** `String.prototype.isWellFormed` (Node 20): no lone surrogates. */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed()

/** What the decoder returns once the document has ended. */
export interface Decoded {
  readonly value: unknown
  readonly soapVersion: "1.1" | "1.2" | undefined
}

/**
 * A push decoder: `write` text as it arrives, then `end`. Both throw `ReferenceFailure`; after a failure the
 * decoder is spent.
 */
export class ReferenceDecoder {
  private readonly parser: SaxesParser<{ position: true }>
  private readonly scope = new Scope()
  /** The expanded name of the tag being opened, set by `onOpenTag` before anything reads it. */
  private uri = ""
  private local = ""
  private readonly stack: Array<Frame> = []
  private top = -1
  private depth = 0
  private attributes = 0
  private tagAttributes = 0
  private length = 0
  private failure: ReferenceFailure | undefined = undefined
  private result: unknown = ABSENT
  private soapVersion: "1.1" | "1.2" | undefined = undefined
  private envelopeNamespace = ""
  private headerFrame: Frame | undefined = undefined
  private sawHeaderElement = false
  private bodyValue: unknown = ABSENT
  private sawBody = false
  private closing = false
  private pendingHighSurrogate = ""
  private captureBudget = MAX_CAPTURE_LENGTH

  constructor(private readonly plan: RootPlan, private readonly limits: Limits) {
    this.parser = referenceParser(this)
    this.push(DOCUMENT, "", undefined)
  }

  /** Feeds decoded text. */
  write(text: string): void {
    if (this.failure !== undefined) throw this.failure
    // saxes does not detect a lone high surrogate: hold back a trailing one until its pair arrives,
    // and refuse any text that is not well-formed UTF-16.
    let chunk = this.pendingHighSurrogate === "" ? text : this.pendingHighSurrogate + text
    this.pendingHighSurrogate = ""
    // (Of an empty chunk, charCodeAt gives NaN, and NaN & 0xfc00 is 0.)
    if ((chunk.charCodeAt(chunk.length - 1) & 0xfc00) === 0xd800) {
      this.pendingHighSurrogate = chunk.slice(-1)
      chunk = chunk.slice(0, -1)
    }
    if (!isWellFormed(chunk)) {
      // Parse up to the bad character first, so that the error has its path and position.
      const at = LONE_SURROGATE.exec(chunk)!.index
      this.feed(chunk.slice(0, at))
      this.fail(this.parseError("Malformed", `lone surrogate ${describeCharacter(chunk, at)} is not a character`))
    }
    this.feed(chunk)
  }

  private feed(chunk: string): void {
    this.length += chunk.length
    if (this.length > this.limits.maxMessageLength) {
      this.fail(new XmlLimitError({ reason: "MessageLength", limit: this.limits.maxMessageLength, ...this.location() }))
    }
    // Feed in slices so that no single run of text is parsed far past the text limit before it is checked.
    const slice = Math.min(65536, this.limits.maxTextLength + 1)
    for (let start = 0; start < chunk.length;) {
      // A slice may end between the two halves of a surrogate pair: saxes carries a high surrogate over to
      // the next write.
      const end = Math.min(chunk.length, start + slice)
      this.guard(() => this.parser.write(chunk.slice(start, end)))
      if (this.pendingTokenLength() > this.limits.maxTextLength) {
        this.fail(new XmlLimitError({ reason: "TextLength", limit: this.limits.maxTextLength, ...this.location() }))
      }
      start = end
    }
  }

  /** Ends the input: checks the document is complete and returns its value. */
  end(): Decoded {
    if (this.failure !== undefined) throw this.failure
    if (this.pendingHighSurrogate !== "") this.fail(this.parseError("Malformed", "a lone surrogate is not a character"))
    this.closing = true
    // saxes reports a document whose root element is missing or not closed (onError: Empty, Truncated),
    // so once it has closed, the root element's value is here.
    this.guard(() => this.parser.close())
    return { value: this.result, soapVersion: this.soapVersion }
  }

  /**
   * The longest run saxes holds between two events: a text node, attribute value, comment, CDATA section,
   * DOCTYPE or processing instruction (in `text`), a name (in `name`), an entity or a PI target. Read from
   * saxes 6's buffers after each slice, so that no handler pays for it.
   */
  private pendingTokenLength(): number {
    const buffers = this.parser as unknown as {
      readonly text: string
      readonly name: string
      readonly entity: string
      readonly piTarget: string
    }
    return Math.max(buffers.text.length, buffers.name.length, buffers.entity.length, buffers.piTarget.length)
  }

  private guard(f: () => void): void {
    try {
      f()
    } catch (e) {
      // Anything else is a bug, not bad input (a schema without an XML form, a transformation that throws;
      // saxes itself does not throw once it has an error handler): it goes on as the defect it is.
      if (e instanceof ReferenceFailure) this.failure = e
      throw e
    }
  }

  /** @internal */
  fail(error: DecodeError): never {
    // The first error is final: every later call reports it again.
    this.failure = new ReferenceFailure(error)
    throw this.failure
  }

  // -------------------------------------------------------------------------------------------
  // locations and paths
  // -------------------------------------------------------------------------------------------

  private location(extra?: string, at?: Frame): { path: string; line: number; column: number } {
    let path = ""
    for (let i = 1; i <= this.top; i++) {
      const frame = this.stack[i]!
      path += "/" + frame.name + (frame.position > 0 ? `[${frame.position}]` : "")
    }
    if (extra !== undefined) path += "/" + extra
    return at === undefined
      ? { path, line: this.parser.line, column: this.parser.column }
      : { path, line: at.line, column: at.column }
  }

  /** An invalid value, located where the element's content starts. */
  private valueError(frame: Frame, detail: string): XmlDecodeError {
    return new XmlDecodeError({ reason: "InvalidValue", detail, ...this.location(undefined, frame) })
  }

  /** @internal */
  parseError(reason: XmlParseError["reason"], detail: string): XmlParseError {
    return new XmlParseError({ reason, detail, ...this.location() })
  }

  private decodeError(reason: XmlDecodeError["reason"], detail: string, extra?: string): XmlDecodeError {
    return new XmlDecodeError({ reason, detail, ...this.location(extra) })
  }

  private envelopeError(reason: SoapEnvelopeError["reason"], detail: string, extra?: string): SoapEnvelopeError {
    return new SoapEnvelopeError({ reason, detail, ...this.location(extra) })
  }

  // -------------------------------------------------------------------------------------------
  // saxes events
  // -------------------------------------------------------------------------------------------

  /** @internal */
  onError(error: Error): void {
    // saxes prefixes its messages with line:column (the parser has no file name); the location fields
    // carry them instead.
    const detail = error.message.replace(/^\d+:\d+: /, "")
    const reason = !this.closing ? "Malformed" : this.stack[0]!.count === 0 ? "Empty" : "Truncated"
    this.fail(this.parseError(reason, detail))
  }

  /** @internal */
  onXmlDecl(version: string | undefined, encoding: string | undefined): void {
    // A declaration without a version is an error saxes reports first; this one is then final.
    if (version !== "1.0") {
      this.fail(this.parseError("Version", `XML version ${version} is not supported; only 1.0 is`))
    }
    if (encoding !== undefined && encoding.toLowerCase() !== "utf-8") {
      this.fail(this.parseError("Encoding", `the document declares encoding ${encoding}; only UTF-8 is supported`))
    }
  }

  /** @internal */
  onAttribute(): void {
    if (++this.attributes > this.limits.maxAttributes) {
      this.fail(new XmlLimitError({ reason: "Attributes", limit: this.limits.maxAttributes, ...this.location() }))
    }
  }

  /** @internal */
  onText(text: string): void {
    const frame = this.stack[this.top]!
    switch (frame.kind) {
      case SIMPLE:
        if (frame.text.length + text.length > this.limits.maxTextLength) {
          this.fail(new XmlLimitError({ reason: "TextLength", limit: this.limits.maxTextLength, ...this.location() }))
        }
        frame.text += text
        return
      case SKIP:
        return
      case CAPTURE:
        // A Fault is kept within a budget: its detail is cut anyway, and memory stays bounded.
        if (this.captureBudget > 0) {
          const kept = text.length > this.captureBudget ? text.slice(0, this.captureBudget) : text
          this.captureBudget -= kept.length
          frame.capture!.children.push(kept)
        }
        return
      case NIL:
        this.fail(this.decodeError("InvalidNil", "an element with xsi:nil=\"true\" must be empty"))
        break
      case DOCUMENT:
        // Text outside the root: saxes reports anything that is not whitespace.
        return
    }
    if (WHITESPACE.test(text)) return
    if (frame.kind === COMPLEX || frame.kind === ARRAY) {
      this.fail(this.decodeError("UnexpectedText", `unexpected text ${preview(text)} in element content`))
    }
    this.fail(this.envelopeError("UnexpectedText", `unexpected text ${preview(text)}`))
  }

  /** @internal */
  onOpenTag(tag: SaxesTag): void {
    // Attributes are counted as saxes reads them (before this event); the count is this tag's.
    this.tagAttributes = this.attributes
    this.attributes = 0
    this.scope.open(++this.depth)
    this.resolveNames(tag)
    // The depth is checked here, once the names are resolved as saxes would before this event, and
    // before the tag is dispatched (which saves a handler call per element, next to opentagstart).
    if (this.depth > this.limits.maxDepth) {
      this.fail(new XmlLimitError({ reason: "Depth", limit: this.limits.maxDepth, ...this.location(this.local) }))
    }
    const parent = this.stack[this.top]!
    const uri = this.uri
    const local = this.local
    switch (parent.kind) {
      case DOCUMENT:
        // A second root element is an error saxes reports before this event. Seen a root, an end of the
        // input is Truncated, not Empty (onError).
        parent.count = 1
        return this.openRoot(tag)
      case ENVELOPE:
        return this.openInEnvelope(tag)
      case HEADER:
        return this.openMember(parent, tag)
      case BODY: {
        if (parent.count++ > 0) {
          this.fail(this.envelopeError("UnexpectedBodyElement", "the Body holds more than one element", local))
        }
        if (local === "Fault" && uri === this.envelopeNamespace) {
          return this.openCapture(tag)
        }
        // Only a SOAP message's plan opens a Body.
        const body = (this.plan as Extract<RootPlan, { _tag: "Envelope" }>).body
        if (local !== body.name || uri !== body.namespace) {
          this.fail(
            this.decodeError(
              "UnexpectedElement",
              `expected {${body.namespace}}${body.name}, found {${uri}}${local}`,
              local
            )
          )
        }
        return this.openElement(body, tag, -1, 0)
      }
      case COMPLEX:
        return this.openMember(parent, tag)
      case ARRAY: {
        const item = (parent.shape as ArrayShape).itemSlot.decl
        if (local !== item.name || uri !== item.namespace) {
          this.push(SKIP, local, undefined)
          return
        }
        if (parent.items!.length >= this.limits.maxItems) {
          this.fail(new XmlLimitError({ reason: "Items", limit: this.limits.maxItems, ...this.location(local) }))
        }
        return this.openElement(item, tag, -1, parent.items!.length + 1)
      }
      case SIMPLE:
        this.fail(this.decodeError("UnexpectedElement", `element ${local} inside simple content`, local))
        break
      case NIL:
        this.fail(this.decodeError("InvalidNil", "an element with xsi:nil=\"true\" must be empty", local))
        break
      case SKIP:
        parent.count++
        return
      case CAPTURE:
        if (this.captureBudget <= 0) {
          this.push(SKIP, local, undefined)
          return
        }
        return this.openCapture(tag)
    }
  }

  /**
   * Adds the tag's declarations to its scope, and resolves its name and its attributes' prefixes: every
   * prefix must be bound, and no two attributes may have one expanded name.
   */
  private resolveNames(tag: SaxesTag): void {
    const scope = this.scope
    const attributes = tag.attributes as Record<string, string>
    let prefixed = 0
    if (this.tagAttributes > 0) {
      for (const name in attributes) {
        let problem: string | undefined
        if (name === "xmlns") problem = scope.declare("", attributes[name]!)
        else if (name.startsWith("xmlns:")) {
          const declared = scope.attribute(name)
          problem = "problem" in declared ? declared.problem : scope.declare(declared.local, attributes[name]!)
        } else if (name.includes(":")) prefixed++
        if (problem !== undefined) this.fail(this.parseError("Malformed", problem))
      }
    }
    const element = scope.element(tag.name)
    if ("problem" in element) this.fail(this.parseError("Malformed", element.problem))
    this.uri = element.uri
    this.local = element.local
    if (prefixed > 0) this.checkAttributeNames(attributes, prefixed)
  }

  /** Every prefixed attribute (but declarations) bound, and no two attributes of one expanded name. */
  private checkAttributeNames(attributes: Record<string, string>, prefixed: number): void {
    const seen = new Set<string>()
    for (const name in attributes) {
      if (!name.includes(":") || name.startsWith("xmlns:")) continue
      const resolved = this.scope.attribute(name)
      if ("problem" in resolved) this.fail(this.parseError("Malformed", resolved.problem))
      if (prefixed === 1) return
      const expanded = `{${resolved.uri}}${resolved.local}`
      if (seen.has(expanded)) this.fail(this.parseError("Malformed", `duplicate attribute: ${expanded}.`))
      seen.add(expanded)
    }
  }

  /** @internal */
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
        if (shape.type.identity === true && shape.wrappers.length === 0) {
          return this.complete(frame, detach(frame.text))
        }
        const parsed = shape.type.parse(frame.text)
        if (!parsed.ok) this.fail(this.valueError(frame, parsed.message))
        return this.complete(frame, this.unwrap(frame, shape, parsed.value))
      }
      case COMPLEX: {
        const members = (frame.shape as ComplexShape).members
        const value = frame.count === members.length ? frame.object! : this.withAbsentMembers(frame)
        return this.complete(frame, this.unwrap(frame, frame.shape!, value))
      }
      case ARRAY:
        return this.complete(frame, this.unwrap(frame, frame.shape!, frame.items))
      case NIL:
        return this.complete(frame, null)
      case HEADER:
        this.top--
        return
      case BODY:
        if (frame.count === 0) this.fail(this.envelopeError("EmptyBody", "the Body is empty"))
        this.top--
        return
      case ENVELOPE:
        return this.closeEnvelope()
      case CAPTURE: {
        const captured = frame.capture!
        if (captured.children.every((c) => typeof c === "string") && captured.children.length > 0) {
          const trimmed = collapse(captured.children.join(""))
          const colon = trimmed.indexOf(":")
          const prefix = colon === -1 ? "" : trimmed.slice(0, colon)
          const namespace = this.scope.resolve(prefix)
          if (namespace !== undefined) captured.qnameValue = { namespace, name: trimmed.slice(colon + 1) }
        }
        this.top--
        const parent = this.stack[this.top]!
        if (parent.kind === CAPTURE) {
          parent.capture!.children.push(captured)
          return
        }
        const fault = readFault(captured, this.envelopeNamespace)
        this.fail(
          new SoapFault({ ...fault, subcodes: [...fault.subcodes], texts: [...fault.texts], ...this.location() })
        )
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // opening elements
  // -------------------------------------------------------------------------------------------

  private push(kind: FrameKind, name: string, _decl: ElementDecl | undefined): Frame {
    const index = ++this.top
    let frame = this.stack[index]
    if (frame === undefined) {
      frame = new Frame()
      this.stack[index] = frame
    }
    frame.kind = kind
    frame.name = name
    frame.position = 0
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

  private openRoot(tag: SaxesTag): void {
    if (this.plan._tag === "Document") {
      const root = this.plan.root
      if (this.local !== root.name || this.uri !== root.namespace) {
        this.fail(
          this.decodeError(
            "UnexpectedElement",
            `expected root element {${root.namespace}}${root.name}, found {${this.uri}}${this.local}`,
            this.local
          )
        )
      }
      return this.openElement(root, tag, -1, 0)
    }
    if (this.local !== "Envelope" || (this.uri !== SOAP11 && this.uri !== SOAP12)) {
      this.fail(
        this.envelopeError(
          "NotSoap",
          `the root element is {${this.uri}}${this.local}, not a SOAP 1.1 or 1.2 Envelope`,
          this.local
        )
      )
    }
    this.envelopeNamespace = this.uri
    this.soapVersion = this.uri === SOAP11 ? "1.1" : "1.2"
    this.push(ENVELOPE, "Envelope", undefined)
  }

  private ensureHeaderFrame(): Frame {
    if (this.headerFrame === undefined) {
      const plan = this.plan as Extract<RootPlan, { _tag: "Envelope" }>
      const frame = new Frame()
      frame.kind = HEADER
      frame.shape = complexShape(plan.header, [])
      frame.values = new Array(plan.header.members.length).fill(ABSENT)
      frame.ordered = false
      this.headerFrame = frame
    }
    return this.headerFrame
  }

  private openInEnvelope(tag: SaxesTag): void {
    const local = this.local
    if (this.uri === this.envelopeNamespace) {
      if (local === "Header") {
        if (this.sawBody) this.fail(this.envelopeError("HeaderAfterBody", "the Header comes after the Body", local))
        if (this.sawHeaderElement) this.fail(this.envelopeError("DuplicateHeader", "a second Header", local))
        this.sawHeaderElement = true
        // Header blocks written directly under the Envelope and those inside the Header element fill
        // one set of values.
        const header = this.ensureHeaderFrame()
        const frame = this.push(HEADER, "Header", undefined)
        frame.shape = header.shape
        frame.values = header.values
        frame.ordered = false
        return
      }
      if (local === "Body") {
        if (this.sawBody) this.fail(this.envelopeError("DuplicateBody", "a second Body", local))
        this.sawBody = true
        this.push(BODY, "Body", undefined)
        return
      }
    }
    if (this.sawBody) {
      this.fail(this.envelopeError("ContentAfterBody", `element ${local} after the Body`, local))
    }
    // A header block written directly under the Envelope, as the vendor's examples do.
    const header = this.ensureHeaderFrame()
    this.openMember(header, tag)
  }

  private openMember(parent: Frame, tag: SaxesTag): void {
    const shape = parent.shape as ComplexShape
    const local = this.local
    let index = -1
    // Fast path: members usually arrive in sequence order, so try the one after the last first.
    const next = shape.members[parent.last + 1]
    if (next !== undefined && next.name === local && next.namespace === this.uri) index = parent.last + 1
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
      this.push(SKIP, local, undefined)
      return
    }
    if (parent.ordered) {
      // Members arrive in strictly increasing order: the same one again is a duplicate.
      if (index === parent.last) {
        this.fail(this.decodeError("DuplicateElement", `element ${local} appears twice`, local))
      }
      if (index < parent.last) {
        const after = shape.members[parent.last]!.name
        this.fail(this.decodeError("OutOfOrder", `element ${local} must come before ${after}`, local))
      }
      parent.last = index
    } else if (parent.values![index] !== ABSENT) {
      this.fail(this.decodeError("DuplicateElement", `element ${local} appears twice`, local))
    }
    this.openElement(shape.members[index]!, tag, index, 0)
  }

  private openElement(decl: ElementDecl, tag: SaxesTag, slot: number, position: number): void {
    const nil = this.nilOf(tag)
    if (nil) {
      if (!decl.nillable) {
        this.fail(this.decodeError("InvalidNil", `element ${decl.name} is not nillable`, decl.name))
      }
      const frame = this.push(NIL, decl.name, decl)
      frame.slot = slot
      frame.position = position
      return
    }
    const shape = shapeOf(decl.node)
    const frame = this.push(shape.kind, decl.name, decl)
    frame.slot = slot
    frame.position = position
    frame.line = this.parser.line
    frame.column = this.parser.column + 1
    frame.shape = shape
    if (shape.kind === COMPLEX) frame.object = {}
    if (shape.kind === ARRAY) frame.items = []
  }

  private nilOf(tag: SaxesTag): boolean {
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
          this.fail(this.decodeError("InvalidNil", `xsi:nil=${JSON.stringify(value)} is not a boolean`, this.local))
      }
    }
    return false
  }

  private openCapture(tag: SaxesTag): void {
    const attributes = tag.attributes as Record<string, string>
    const captured: Captured = {
      namespace: this.uri,
      local: this.local,
      qualifiedName: tag.name,
      attributes: Object.keys(attributes).map((name) => ({
        name,
        namespace: this.attributeNamespace(name),
        value: attributes[name]!
      })),
      children: [],
      qnameValue: undefined
    }
    this.captureBudget -= tag.name.length * 2 + 16
    for (const attribute of captured.attributes) {
      this.captureBudget -= attribute.name.length + attribute.value.length + 4
    }
    const frame = this.push(CAPTURE, this.local, undefined)
    frame.capture = captured
  }

  /** An attribute's namespace: none without a prefix, but for `xmlns`; its prefixes were checked on opening. */
  private attributeNamespace(name: string): string {
    if (name === "xmlns") return XMLNS
    const resolved = this.scope.attribute(name)
    return "problem" in resolved ? "" : resolved.uri
  }

  // -------------------------------------------------------------------------------------------
  // closing elements
  // -------------------------------------------------------------------------------------------

  /** The value of an ordered complex frame some of whose members were absent, in member order. */
  private withAbsentMembers(frame: Frame): Record<string, unknown> {
    const present = frame.object!
    return this.completeObject(
      (frame.shape as ComplexShape).members,
      (member) => Object.prototype.hasOwnProperty.call(present, member.key) ? present[member.key] : ABSENT,
      ""
    )
  }

  /** The value of an unordered (header) frame, from its values by member index. */
  private buildObject(frame: Frame, pathPrefix: string): Record<string, unknown> {
    const values = frame.values!
    return this.completeObject((frame.shape as ComplexShape).members, (_, i) => values[i], pathPrefix)
  }

  /** Builds a struct in member order: absent optional members left out, others given their default. */
  private completeObject(
    members: ReadonlyArray<Member>,
    valueOf: (member: Member, index: number) => unknown,
    pathPrefix: string
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < members.length; i++) {
      const member = members[i]!
      let value = valueOf(member, i)
      if (value === ABSENT) {
        if (member.optional) continue
        if (member.defaultValue === undefined) {
          this.fail(this.decodeError("MissingElement", `element ${member.name} is required`, pathPrefix + member.name))
        }
        value = member.defaultValue()
      }
      setProperty(out, member.key, value)
    }
    return out
  }

  private unwrap(frame: Frame, shape: Shape, value: unknown): unknown {
    const wrappers = shape.wrappers
    for (let i = 0; i < wrappers.length; i++) {
      const wrapper = wrappers[i]!
      if (wrapper._tag === "Refine") {
        const issue = wrapper.check(value)
        if (issue !== undefined) this.fail(this.valueError(frame, issue))
      } else {
        const result = wrapper.decode(value)
        if (!result.ok) this.fail(this.valueError(frame, result.message))
        value = result.value
      }
    }
    return value
  }

  private complete(frame: Frame, value: unknown): void {
    this.top--
    const parent = this.stack[this.top]!
    switch (parent.kind) {
      case COMPLEX:
        setProperty(parent.object!, (parent.shape as ComplexShape).members[frame.slot]!.key, value)
        parent.count++
        return
      case HEADER: // a Header element's frame shares the header's values
      case ENVELOPE: // a header block written directly under the Envelope
        this.headerFrame!.values![frame.slot] = value
        return
      case ARRAY:
        parent.items!.push(value)
        return
      case BODY:
        this.bodyValue = value
        return
      case DOCUMENT:
        this.result = value
        return
    }
  }

  private closeEnvelope(): void {
    const plan = this.plan as Extract<RootPlan, { _tag: "Envelope" }>
    if (!this.sawBody) this.fail(this.envelopeError("MissingBody", "the Envelope has no Body"))
    const header = this.ensureHeaderFrame()
    // The header frame is not on the stack here; its errors name the Header in their path.
    const headerValue = this.buildObject(header, "Header/")
    this.top--
    const message: Record<string, unknown> = {}
    setProperty(message, plan.headerKey, headerValue)
    setProperty(message, plan.bodyKey, this.bodyValue)
    this.result = message
  }
}

const preview = (text: string): string => JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text)

/** A saxes parser for one document, its handlers bound to `decoder`. */
const referenceParser = (decoder: ReferenceDecoder): SaxesParser<{ position: true }> => {
  const parser = new SaxesParser({ xmlns: false, position: true, forceXMLVersion: true, defaultXMLVersion: "1.0" })
  parser.on("error", (error) => decoder.onError(error))
  parser.on("xmldecl", (declaration) => decoder.onXmlDecl(declaration.version, declaration.encoding))
  parser.on("doctype", () => decoder.fail(decoder.parseError("Doctype", "a DOCTYPE is not allowed in a SOAP message")))
  parser.on(
    "processinginstruction",
    (pi) =>
      decoder.fail(
        decoder.parseError("ProcessingInstruction", `processing instruction <?${pi.target}?> is not allowed`)
      )
  )
  parser.on("attribute", () => decoder.onAttribute())
  parser.on("opentag", (tag) => decoder.onOpenTag(tag))
  parser.on("closetag", () => decoder.onCloseTag())
  parser.on("text", (text) => decoder.onText(text))
  parser.on("cdata", (text) => decoder.onText(text))
  return parser
}
