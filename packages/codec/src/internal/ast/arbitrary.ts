/**
 * fast-check arbitraries derived from a schema's AST, for the laws, the conformance suite and the fuzzer:
 * values of the schema's type that pass its checks. An `Xsd.arbitrary` annotation gives a node's values;
 * otherwise they follow the node's shape, within the bounds its checks declare (Effect's
 * `arbitraryConstraint`), and its checks filter them. fast-check is handed in, so that the schemas that
 * carry annotations never load it.
 */
import * as Exit from "effect/Exit"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import * as SchemaAST from "effect/SchemaAST"
import type * as FastCheck from "fast-check"
import { ArbitraryAnnotationId } from "../schema/annotations.js"
import * as annotations from "./annotations.js"
import { firstIssue } from "./checks.js"

type Fc = typeof FastCheck
type Arb = FastCheck.Arbitrary<unknown>

/** How deep generation follows a recursive reference before it keeps to the ways out (null, empty arrays). */
const MAX_RECURSION = 3

/** How many values in a row a schema's checks may refuse before generating them is given up as hopeless. */
const MAX_REFUSALS = 1000

/** A schema that cannot be generated: a programming error, reported when the arbitrary is derived. */
export class ArbitraryDefinitionError extends Error {
  override readonly name = "ArbitraryDefinitionError"
}

const failure = (path: ReadonlyArray<PropertyKey>, message: string): never => {
  throw new ArbitraryDefinitionError(
    `Cannot derive an arbitrary at ${path.length === 0 ? "the root" : path.map(String).join(".")}: ${message}`
  )
}

/** The bounds the checks declare, merged (the tightest of each). */
interface Constraints {
  integer?: boolean
  finite?: boolean
  minimum?: number | bigint
  maximum?: number | bigint
  minLength?: number
  maxLength?: number
  patterns?: Array<RegExp>
}

const constraintsOf = (checks: ReadonlyArray<AST.Check<unknown>>): Constraints => {
  const out: Constraints = {}
  const visit = (check: AST.Check<unknown>) => {
    if (check._tag === "FilterGroup") return check.checks.forEach(visit)
    const c = check.annotations?.["arbitraryConstraint"] as Record<string, unknown> | undefined
    if (c === undefined) return
    if (c["number"] === "integer") out.integer = true
    if (c["number"] === "finite") out.finite = true
    const minimum = c["minimum"]
    // Stryker disable next-line ConditionalExpression: a minimum of another order (a Date's, a string's) bounds no value drawn here
    if (typeof minimum === "number" || typeof minimum === "bigint") {
      // Stryker disable next-line EqualityOperator: of two equal bounds, either
      out.minimum = out.minimum === undefined || minimum > out.minimum ? minimum : out.minimum
    }
    const maximum = c["maximum"]
    // Stryker disable next-line ConditionalExpression: a maximum of another order bounds no value drawn here
    if (typeof maximum === "number" || typeof maximum === "bigint") {
      // Stryker disable next-line EqualityOperator: of two equal bounds, either
      out.maximum = out.maximum === undefined || maximum < out.maximum ? maximum : out.maximum
    }
    // Lengths in code units and in code points alike: the strings generated are of ASCII characters.
    for (const key of ["minLength", "minCodePoints"]) {
      const n = c[key]
      if (typeof n === "number") out.minLength = Math.max(out.minLength ?? 0, n)
    }
    for (const key of ["maxLength", "maxCodePoints"]) {
      const n = c[key]
      if (typeof n === "number") out.maxLength = Math.min(out.maxLength ?? Infinity, n)
    }
    if (Array.isArray(c["patterns"])) {
      for (const p of c["patterns"] as Array<{ source: string; flags: string }>) {
        ;(out.patterns ??= []).push(new RegExp(p.source, p.flags))
      }
    }
  }
  checks.forEach(visit)
  return out
}

const number = (n: number | bigint | undefined): number | undefined => n === undefined ? undefined : Number(n)

/** Whether generating `ast` can come back to a recursive reference (every cycle of an AST is through one). */
const recursive = (ast: AST.AST): boolean =>
  ast._tag === "Suspend" ||
  (ast._tag === "Union" && ast.types.some(recursive)) ||
  (ast._tag === "Arrays" && [...ast.elements, ...ast.rest].some(recursive)) ||
  (ast._tag === "Objects" && ast.propertySignatures.some((ps) => recursive(ps.type)))

/**
 * The arbitrary of `ast`'s type, `depth` recursive references deep. An annotation's values are kept; but
 * where checks after it declare a pattern, a string of that pattern is what they ask for, and is
 * generated instead. Values the checks refuse are drawn again, up to `MAX_REFUSALS` in a row.
 */
export const arbitraryOf = (ast: AST.AST, fc: Fc, path: ReadonlyArray<PropertyKey> = [], depth = 0): Arb => {
  const at = annotations.annotatedAt(ast, ArbitraryAnnotationId)
  const checks = ast.checks ?? []
  let base: Arb
  let filters: ReadonlyArray<AST.Check<unknown>>
  if (at !== undefined && constraintsOf(checks.slice(at + 1)).patterns === undefined) {
    base = annotations.getArbitrary(ast)!(fc)
    filters = checks.slice(at + 1)
  } else if (ast.encoding !== undefined && SchemaAST.isDeclaration(ast)) {
    // Decoding applies its checks: an instance they refuse is drawn again.
    return bounded(declared(ast, fc, path, depth), (value) => value !== REFUSED, path)
  } else {
    base = shape(ast, fc, path, depth, constraintsOf(checks))
    filters = checks
  }
  // Stryker disable next-line ConditionalExpression: no checks pass every value; the filter is only skipped
  return filters.length === 0 ? base : bounded(base, (value) => firstIssue(filters, value, ast) === undefined, path)
}

/** `arb`'s values that pass, failing with a definition error after too many refusals in a row. */
const bounded = (arb: Arb, passes: (value: unknown) => boolean, path: ReadonlyArray<PropertyKey>) => {
  let refused = 0
  return arb.filter((value) => {
    if (passes(value)) {
      refused = 0
      return true
    }
    if (++refused >= MAX_REFUSALS) {
      refused = 0
      failure(path, `its checks refused ${MAX_REFUSALS} values in a row; annotate it with Xsd.arbitrary`)
    }
    return false
  })
}

/** What `declared` gives for a value that does not decode to an instance. */
const REFUSED = Symbol("refused")

/**
 * A declared type with an encoding (a `Schema.Class`): values of what it is encoded as, encoded to its
 * encoded form and decoded through the whole schema, as Effect's own arbitraries derive declarations;
 * `REFUSED` where the schema refuses one (its checks).
 */
const declared = (ast: AST.AST, fc: Fc, path: ReadonlyArray<PropertyKey>, depth: number): Arb => {
  const links = ast.encoding!
  const wire = Schema.make(links[links.length - 1]!.to) as unknown as Schema.Codec<unknown, unknown>
  const whole = Schema.make(ast) as unknown as Schema.Codec<unknown, unknown>
  const encode = Schema.encodeUnknownExit(wire)
  const decode = Schema.decodeUnknownExit(whole)
  return arbitraryOf(wire.ast, fc, path, depth).map((value) => {
    const encoded = encode(value)
    const decoded = Exit.isSuccess(encoded) ? decode(encoded.value) : encoded
    return Exit.isSuccess(decoded) ? decoded.value : REFUSED
  })
}

const shape = (ast: AST.AST, fc: Fc, path: ReadonlyArray<PropertyKey>, depth: number, c: Constraints): Arb => {
  switch (ast._tag) {
    case "String": {
      // Stryker disable next-line ConditionalExpression: fast-check reads a maxLength of undefined as none
      const length = { minLength: c.minLength ?? 0, ...(c.maxLength === undefined ? {} : { maxLength: c.maxLength }) }
      if (c.patterns !== undefined) {
        const [first] = c.patterns
        return fc.stringMatching(first!).filter((s) =>
          s.length >= length.minLength && s.length <= (c.maxLength ?? Infinity)
        )
      }
      return fc.string(length)
    }
    case "Number":
      if (c.integer) {
        return fc.integer({
          min: Math.max(Math.ceil(number(c.minimum) ?? Number.MIN_SAFE_INTEGER), Number.MIN_SAFE_INTEGER),
          max: Math.min(Math.floor(number(c.maximum) ?? Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER)
        })
      }
      return fc.double({
        ...(c.minimum === undefined ? {} : { min: Number(c.minimum) }),
        ...(c.maximum === undefined ? {} : { max: Number(c.maximum) }),
        ...(c.finite || c.minimum !== undefined || c.maximum !== undefined ? { noNaN: true } : {}),
        ...(c.finite ? { noDefaultInfinity: true } : {})
      })
    case "Boolean":
      return fc.boolean()
    case "BigInt":
      return fc.bigInt({
        ...(c.minimum === undefined ? {} : { min: BigInt(c.minimum) }),
        ...(c.maximum === undefined ? {} : { max: BigInt(c.maximum) })
      })
    case "Literal":
      return fc.constant(ast.literal)
    case "Null":
      return fc.constant(null)
    case "Undefined":
    case "Void":
      return fc.constant(undefined)
    case "Enum":
      return fc.constantFrom(...ast.enums.map(([, value]) => value))
    case "Union": {
      // Past the depth, the members that do not lead back, if there are any.
      const ways = depth >= MAX_RECURSION ? ast.types.filter((t) => !recursive(t)) : []
      const members = ways.length > 0 ? ways : ast.types
      if (members.length === 0) return failure(path, "an empty union has no values")
      return fc.oneof(...members.map((t) => arbitraryOf(t, fc, path, depth)))
    }
    case "Arrays": {
      const elements = ast.elements.map((t, i) => arbitraryOf(t, fc, [...path, i], depth))
      if (ast.rest.length === 0) return fc.tuple(...elements)
      if (ast.rest.length > 1) return failure(path, "elements after a rest element are not generated")
      const item = ast.rest[0]!
      const maxLength = depth >= MAX_RECURSION && recursive(item) ? 0 : Math.min(c.maxLength ?? 6, 6)
      const rest = fc.array(arbitraryOf(item, fc, [...path, "[]"], depth), {
        minLength: Math.min(c.minLength ?? 0, maxLength),
        maxLength: Math.max(maxLength, c.minLength ?? 0)
      })
      // Stryker disable next-line ConditionalExpression: no elements before the list join to the same lists
      return elements.length === 0 ? rest : fc.tuple(fc.tuple(...elements), rest).map(([h, t]) => [...h, ...t])
    }
    case "Objects": {
      if (ast.indexSignatures.length > 0) return failure(path, "index signatures are not generated")
      // Without a prototype, a member named `__proto__` is a key like any other.
      const model: Record<string, Arb> = Object.create(null)
      const required: Array<string> = []
      for (const ps of ast.propertySignatures) {
        if (typeof ps.name !== "string") return failure(path, "only string keys are generated")
        const optional = SchemaAST.isOptional(ps.type)
        // An optional key is left out rather than given `undefined`, which has no form in XML or JSON.
        model[ps.name] = optional
          ? definedOf(ps.type, fc, [...path, ps.name], depth)
          : arbitraryOf(ps.type, fc, [...path, ps.name], depth)
        if (!optional) required.push(ps.name)
      }
      return fc.record(model, { requiredKeys: required, noNullPrototype: true })
    }
    case "Suspend": {
      // Derived when first drawn, so that a recursive type is derived only as deep as it is generated.
      let inner: Arb | undefined
      return fc.constant(null).chain(() => inner ??= arbitraryOf(ast.thunk(), fc, path, depth + 1))
    }
    case "Declaration":
      return failure(path, "a declared type needs an arbitrary annotation (Xsd.arbitrary)")
    default:
      return failure(path, `${ast._tag} is not generated`)
  }
}

/** The arbitrary of an optional member's type without `undefined`: a union's other members. */
const definedOf = (ast: AST.AST, fc: Fc, path: ReadonlyArray<PropertyKey>, depth: number): Arb => {
  if (ast._tag === "Union" && ast.checks === undefined) {
    const defined = ast.types.filter((type) => type._tag !== "Undefined")
    return fc.oneof(...defined.map((type) => definedOf(type, fc, path, depth)))
  }
  return arbitraryOf(ast, fc, path, depth).filter((value) => value !== undefined)
}
