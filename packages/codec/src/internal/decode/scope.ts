/**
 * Namespaces in scope, kept by the decoder itself (saxes runs without its own namespace support, which
 * builds objects for every tag and walks the open elements for every prefix). The rules are those of
 * Namespaces in XML 1.0 as saxes applies them: `xml` and `xmlns` are bound from the start and cannot be
 * rebound, a prefix cannot be undeclared, every prefix used must be bound, and no two attributes of a
 * tag may have the same expanded name.
 */

import { XML as XML_NAMESPACE, XMLNS as XMLNS_NAMESPACE } from "../namespaces.js"

/** An element's or attribute's expanded name: its namespace (`""` for none) and local name. */
export interface ExpandedName {
  readonly uri: string
  readonly local: string
}

/** A name resolved, or why it cannot be (as saxes words it). */
export type Resolved = ExpandedName | { readonly problem: string }

/** Why a namespace declaration or a name breaks the rules, or `undefined` when it does not. */
const pairProblem = (prefix: string, uri: string): string | undefined => {
  if (prefix === "xml" && uri !== XML_NAMESPACE) return `xml prefix must be bound to ${XML_NAMESPACE}.`
  if (prefix === "xmlns" && uri !== XMLNS_NAMESPACE) return `xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`
  if (uri === XMLNS_NAMESPACE) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: both are the problem; this only words it
    return prefix === ""
      ? `the default namespace may not be set to ${uri}.`
      : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NAMESPACE}.`
  }
  if (uri === XML_NAMESPACE && prefix !== "xml") {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: as above
    return prefix === ""
      ? `the default namespace may not be set to ${uri}.`
      : "may not assign the xml namespace to another prefix."
  }
  return undefined
}

/** Generations of bindings, counted across all scopes: one number never stands for two sets of bindings. */
let generations = 0

/** How many states of bindings are kept for later documents (see `Bindings`). */
const MAX_KEPT = 1024
let kept = 0

/**
 * A state of the bindings: the last binding made and the state it was made in, back to the predefined
 * ones. The same sequence of declarations is the same state, with the same generation, in every
 * document, so that what a document resolves under its bindings is known to the next one that declares
 * alike (most documents of a service declare their namespaces as the one before did). The states reached
 * are kept in a tree of at most `MAX_KEPT`; past that, a state is made afresh each time it is reached, a
 * generation of its own.
 */
class Bindings {
  // Stryker disable next-line UpdateOperator: counting down gives unique generations too
  readonly generation = ++generations
  private children: Map<string, Bindings> | undefined = undefined
  constructor(
    readonly parent: Bindings | undefined,
    readonly prefix: string,
    readonly uri: string,
    private readonly keep: boolean
  ) {}

  /** The state after declaring `prefix` as `uri` in this one. */
  declare(prefix: string, uri: string): Bindings {
    // A prefix is a name, so the first space ends it.
    const key = prefix + " " + uri
    let next = this.children?.get(key)
    if (next === undefined) {
      // Stryker disable next-line EqualityOperator: one state more or less kept is the same bound
      const keep = this.keep && kept < MAX_KEPT
      next = new Bindings(this, prefix, uri, keep)
      if (keep) {
        kept++
        ;(this.children ??= new Map()).set(key, next)
      }
    }
    return next
  }
}

/** The predefined bindings (`xml` and `xmlns`) and nothing else. */
const PREDEFINED = new Bindings(new Bindings(undefined, "xml", XML_NAMESPACE, false), "xmlns", XMLNS_NAMESPACE, true)

/**
 * The bindings in scope, and for each open element the state they were in before it: an element that
 * declares nothing costs one array store.
 */
export class Scope {
  private state = PREDEFINED
  // Stryker disable next-line ArrayDeclaration: open sets each mark before close reads it
  private readonly marks: Array<Bindings> = []
  /** Element names resolved while the bindings stay as they are: the same tag name is resolved once. */
  private readonly elements = new Map<string, Resolved>()

  /**
   * The state of the bindings: names resolved in one generation resolve alike in it, in this document
   * and in any other.
   */
  get generation(): number {
    return this.state.generation
  }

  /** The namespace `prefix` is bound to (`""`: the default namespace, once declared), or `undefined`. */
  resolve(prefix: string): string | undefined {
    for (let state: Bindings | undefined = this.state; state !== undefined; state = state.parent) {
      if (state.prefix === prefix) return state.uri
    }
    return undefined
  }

  /** Opens an element at `depth`: its own declarations are added with `declare`. */
  open(depth: number): void {
    this.marks[depth] = this.state
  }

  /**
   * Binds `prefix` (`""`: the default namespace) for the element opened last. Returns why that breaks
   * the rules, if it does.
   */
  declare(prefix: string, value: string): string | undefined {
    // As saxes: the value is trimmed, and in XML 1.0 a prefix cannot be undeclared.
    const uri = value.trim()
    if (prefix !== "" && uri === "") return "invalid attempt to undefine prefix in XML 1.0"
    this.state = this.state.declare(prefix, uri)
    this.elements.clear()
    return pairProblem(prefix, uri)
  }

  /** Closes the element at `depth`: its declarations go out of scope. */
  close(depth: number): void {
    const mark = this.marks[depth]!
    // Stryker disable next-line ConditionalExpression: a fast path; restoring the same state changes nothing (but a cache)
    if (mark !== this.state) {
      this.state = mark
      this.elements.clear()
    }
  }

  /** An element's name resolved: without a prefix, in the default namespace. */
  element(name: string): Resolved {
    let resolved = this.elements.get(name)
    // Stryker disable next-line ConditionalExpression: a cache; resolving again gives the same
    if (resolved === undefined) {
      resolved = this.resolveName(name, true)
      // Bounded: a document of ever new names does not grow it without end.
      // Stryker disable next-line ConditionalExpression,EqualityOperator,CallExpression: as above
      if (this.elements.size < 4096) this.elements.set(name, resolved)
    }
    return resolved
  }

  /** An attribute's name resolved: without a prefix, in no namespace. */
  attribute(name: string): Resolved {
    return this.resolveName(name, false)
  }

  private resolveName(name: string, isElement: boolean): Resolved {
    const colon = name.indexOf(":")
    if (colon === -1) return { uri: isElement ? this.resolve("") ?? "" : "", local: name }
    const prefix = name.slice(0, colon)
    const local = name.slice(colon + 1)
    if (prefix === "" || local === "" || local.includes(":")) return { problem: `malformed name: ${name}.` }
    if (isElement && prefix === "xmlns") return { problem: "tags may not have \"xmlns\" as prefix." }
    const uri = this.resolve(prefix)
    return uri === undefined ? { problem: `unbound namespace prefix: ${JSON.stringify(prefix)}.` } : { uri, local }
  }
}
