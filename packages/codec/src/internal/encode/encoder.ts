/**
 * The encoder: a writer compiled from a plan, once per message schema and SOAP version, with every
 * tag precomputed. It writes members in `xs:sequence` order, `null` as `xsi:nil="true"`, and refuses
 * text that XML 1.0 cannot carry.
 */
import { XmlEncodeError } from "../../XmlError.js"
import { checkedText, describeCharacter, escapeAttribute } from "../escape.js"
import { memo } from "../memo.js"
import { SOAP11, SOAP12, XSI } from "../namespaces.js"
import type { ElementDecl, Node, RootPlan } from "../schema/plan.js"
import { forEachNode } from "../schema/plan.js"

/** Thrown while writing; each element on the way out adds its name to the path. */
export class EncodeFailure {
  readonly segments: Array<string> = []
  constructor(readonly reason: XmlEncodeError["reason"], readonly detail: string) {}
  toError(): XmlEncodeError {
    return new XmlEncodeError({ reason: this.reason, detail: this.detail, path: "/" + this.segments.join("/") })
  }
}

/** How much text the output holds as one rope before it is set aside flat. */
// Stryker disable next-line ArithmeticOperator: how the output is held, not what it is (the bench measures it)
const SPILL_LENGTH = 512 * 1024

/**
 * The output: a string grown by concatenation (V8 ropes make this the fastest way). A message of more
 * than `SPILL_LENGTH` characters is set aside in flat parts of about that length: a rope of millions of
 * small pieces costs several times its text, as every piece survives into the old generation until the
 * whole is flattened. (A smaller message stays one rope: its reader flattens it at no extra cost.)
 */
interface Out {
  s: string
  parts: Array<string> | undefined
  /** Written only so that the read that flattens a part is not optimised away. */
  flat: number
}

const makeOut = (start: string): Out => ({ s: start, parts: undefined, flat: 0 })

/** Sets the text so far aside, flattened, once it is long enough (called between array items). */
// Stryker disable BlockStatement,ConditionalExpression,EqualityOperator: how the output is held, not what it is: the same text either way (the bench measures the memory it saves)
const spill = (out: Out): void => {
  if (out.s.length < SPILL_LENGTH) return
  // Reading a character of a rope makes V8 flatten it, so that its pieces die young.
  out.flat ^= out.s.charCodeAt(0)
  ;(out.parts ??= []).push(out.s)
  out.s = ""
}
// Stryker restore BlockStatement,ConditionalExpression,EqualityOperator

const textOf = (out: Out): string => out.parts === undefined ? out.s : out.parts.join("") + out.s

type Content = (value: unknown, out: Out, tags: Tags) => void

interface Tags {
  /** `<prefix:name` */
  readonly open: string
  /** `</prefix:name>` */
  readonly close: string
}

type Version = "1.1" | "1.2"

/** A compiled encoder: value in, XML text out. Throws `EncodeFailure`. */
export type Encoder = (value: unknown) => string

/** The prefixes the encoder writes itself: `s` for the envelope, `i` for `xsi` (generated ones are `a`…`z`, `n26`…). */
const SKIP_PREFIXES = new Set(["s", "i"])

/** Collects every namespace an element of the plan may be written in. */
const collectNamespaces = (plan: RootPlan): Array<string> => {
  const root = plan._tag === "Envelope" ? plan.body : plan.root
  const namespaces = new Set<string>([root.namespace])
  forEachNode(plan._tag === "Envelope" ? [plan.header, root.node] : [root.node], (node) => {
    if (node._tag === "Complex") { for (const member of node.members) namespaces.add(member.namespace) }
    else if (node._tag === "Array") namespaces.add(node.item.namespace)
  })
  return [...namespaces]
}

const ARRAY_OF = (value: unknown): value is ReadonlyArray<unknown> => Array.isArray(value)

/** What kind of value `value` is, never what it holds: a value being encoded may be a secret. */
const kindOf = (value: unknown): string => {
  if (value === null || value === undefined) return String(value)
  if (ARRAY_OF(value)) return "an array"
  const type = typeof value
  return type === "object" ? "an object" : `a ${type}`
}

/** Compiles the encoder of a message root for a SOAP version (ignored for plain documents). */
export const compileEncoder = (plan: RootPlan, version: Version): Encoder => {
  const root = plan._tag === "Envelope" ? plan.body : plan.root
  const namespaces = collectNamespaces(plan)
  const defaultNamespace = namespaces.includes("") ? undefined : root.namespace
  const prefixes = new Map<string, string>()
  let declarations = ""
  let next = 0
  for (const namespace of namespaces) {
    if (namespace === "") {
      prefixes.set(namespace, "")
      continue
    }
    if (namespace === defaultNamespace) {
      prefixes.set(namespace, "")
      declarations += ` xmlns="${escapeAttribute(namespace)}"`
      continue
    }
    let prefix: string
    do {
      prefix = next < 26 ? String.fromCharCode(97 + next) : `n${next}`
      next++
    } while (SKIP_PREFIXES.has(prefix))
    prefixes.set(namespace, prefix)
    declarations += ` xmlns:${prefix}="${escapeAttribute(namespace)}"`
  }
  declarations += ` xmlns:i="${XSI}"`

  const tagsOf = memo((decl: ElementDecl): Tags => {
    const prefix = prefixes.get(decl.namespace)!
    const qualified = prefix === "" ? decl.name : `${prefix}:${decl.name}`
    return { open: "<" + qualified, close: "</" + qualified + ">" }
  })

  // Recursive types compile lazily: element writers resolve their content on first use.
  const contentOf = memo((node: Node): Content => compileContent(node))

  const writeElement = (decl: ElementDecl): (value: unknown, out: Out) => void => {
    const tags = tagsOf(decl)
    let content: Content | undefined
    const nil = tags.open + " i:nil=\"true\"/>"
    return (value, out) => {
      try {
        if (value === null) {
          if (!decl.nillable) {
            throw new EncodeFailure("InvalidValue", `null is not allowed: ${decl.name} is not nillable`)
          }
          out.s += nil
          return
        }
        ;(content ??= contentOf(decl.node))(value, out, tags)
      } catch (e) {
        if (e instanceof EncodeFailure) e.segments.unshift(decl.name)
        throw e
      }
    }
  }

  const compileContent = (node: Node): Content => {
    switch (node._tag) {
      case "Simple": {
        const type = node.type
        // Stryker disable next-line ConditionalExpression,BooleanLiteral: a fast path; format gives the string itself
        const identity = type.identity === true
        return (value, out, tags) => {
          let text: string
          // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a fast path; format gives the string itself
          if (identity && typeof value === "string") text = value
          else {
            const formatted = type.format(value)
            if (!formatted.ok) throw new EncodeFailure("InvalidValue", formatted.message)
            text = formatted.value
          }
          if (text === "") {
            out.s += tags.open + "/>"
            return
          }
          const escaped = checkedText(text)
          if (typeof escaped === "number") {
            throw new EncodeFailure(
              "InvalidCharacter",
              `character ${describeCharacter(text, escaped)} at index ${escaped} cannot be written in XML 1.0`
            )
          }
          out.s += tags.open + ">" + escaped + tags.close
        }
      }
      case "Complex": {
        const members = node.members
        const writes = members.map(writeElement)
        // A member whose key an object inherits from Object.prototype (`constructor`, `__proto__`) is
        // read only as an own property.
        const inherited = members.map((member) => member.key in Object.prototype)
        return (value, out, tags) => {
          // Never null here: `writeElement` writes null as xsi:nil before any content sees it.
          if (typeof value !== "object" || ARRAY_OF(value)) {
            throw new EncodeFailure("InvalidValue", `expected a struct, got ${kindOf(value)}`)
          }
          const record = value as Record<string, unknown>
          // A plain object inherits nothing else, so its members are read as plain properties: an absent
          // one is undefined. Any other object's are read only as its own.
          const prototype = Object.getPrototypeOf(record)
          // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path; own properties are the same for a plain object
          const plain = prototype === Object.prototype || prototype === null
          out.s += tags.open + ">"
          for (let i = 0; i < members.length; i++) {
            const member = members[i]!
            const key = member.key
            // Stryker disable next-line ConditionalExpression: as above
            const v = plain && !inherited[i]
              ? record[key]
              : Object.prototype.hasOwnProperty.call(record, key)
              ? record[key]
              : undefined
            if (v === undefined) {
              // Left out, a member that may be absent is written as absent: it decodes to its default.
              if (member.minOccurs === 0) continue
              // Located at the member, as the decoder locates a missing element.
              const failure = new EncodeFailure("InvalidValue", `member ${member.key} is missing`)
              failure.segments.push(member.name)
              throw failure
            }
            writes[i]!(v, out)
          }
          out.s += tags.close
        }
      }
      case "Array": {
        const write = writeElement(node.item)
        return (value, out, tags) => {
          if (!ARRAY_OF(value)) throw new EncodeFailure("InvalidValue", `expected an array, got ${kindOf(value)}`)
          out.s += tags.open + ">"
          for (let i = 0; i < value.length; i++) {
            try {
              write(value[i], out)
            } catch (e) {
              if (e instanceof EncodeFailure) e.segments[0] += `[${i + 1}]`
              throw e
            }
            // Stryker disable next-line CallExpression: as spill itself, the same text either way
            spill(out)
          }
          out.s += tags.close
        }
      }
      case "Lazy":
        return (value, out, tags) => contentOf(node.get())(value, out, tags)
      case "Refine": {
        const from = contentOf(node.from)
        const check = node.check
        return (value, out, tags) => {
          const issue = check(value)
          if (issue !== undefined) throw new EncodeFailure("InvalidValue", issue)
          from(value, out, tags)
        }
      }
      case "Transform": {
        const from = contentOf(node.from)
        const encode = node.encode
        return (value, out, tags) => {
          const result = encode(value)
          if (!result.ok) throw new EncodeFailure("InvalidValue", result.message)
          from(result.value, out, tags)
        }
      }
    }
  }

  const writeRoot = writeElement(root)
  if (plan._tag === "Document") {
    const rootTags = tagsOf(root)
    return (value) => {
      const out = makeOut("")
      writeRoot(value, out)
      // Namespace declarations go on the root element's start tag.
      return rootTags.open + declarations + textOf(out).slice(rootTags.open.length)
    }
  }
  const envelope = version === "1.1" ? SOAP11 : SOAP12
  const start = `<s:Envelope xmlns:s="${envelope}"${declarations}>`
  const headerMembers = plan.header.members.map((member) => ({ member, write: writeElement(member) }))
  const writeEnvelope = (value: unknown): string => {
    if (typeof value !== "object" || value === null) {
      throw new EncodeFailure("InvalidValue", `expected a message, got ${kindOf(value)}`)
    }
    const message = value as Record<string, unknown>
    const header = (message[plan.headerKey] ?? {}) as Record<string, unknown>
    const out = makeOut(start)
    let headerOpen = false
    for (const { member, write } of headerMembers) {
      const v = Object.prototype.hasOwnProperty.call(header, member.key) ? header[member.key] : undefined
      if (v === undefined) {
        if (member.minOccurs === 0) continue
        const failure = new EncodeFailure("InvalidValue", `header ${member.key} is missing`)
        failure.segments.push("Header", member.name)
        throw failure
      }
      if (!headerOpen) {
        out.s += "<s:Header>"
        headerOpen = true
      }
      try {
        write(v, out)
      } catch (e) {
        if (e instanceof EncodeFailure) e.segments.unshift("Header")
        throw e
      }
    }
    if (headerOpen) out.s += "</s:Header>"
    out.s += "<s:Body>"
    try {
      writeRoot(message[plan.bodyKey], out)
    } catch (e) {
      if (e instanceof EncodeFailure) e.segments.unshift("Body")
      throw e
    }
    out.s += "</s:Body></s:Envelope>"
    return textOf(out)
  }
  return (value) => {
    try {
      return writeEnvelope(value)
    } catch (e) {
      if (e instanceof EncodeFailure) e.segments.unshift("Envelope")
      throw e
    }
  }
}
