/**
 * A JSON input's problems in plain words, every one of them, each with its path from the input's root:
 * `ErpConnectorId: expected an xs:int (a whole number from -2147483648 to 2147483647), got "one"`. The type
 * expected is the outermost named one (`xs:int`, not the integer check inside it), described by its
 * `description` annotation; a nillable member is "… or null", without a second problem for the null.
 * The value found (the issue's input, decoded with `reportInput`) is shown when it is a string, number or
 * boolean, and not at or below a member whose name says it holds a secret (`Password`, `Ticket`,
 * `Credentials`...); an object or array is only named.
 */
import * as SchemaAST from "effect/SchemaAST"
import type * as SchemaIssue from "effect/SchemaIssue"
import { didYouMean } from "./suggest.js"

const SECRET = /password|ticket|token|secret|credential|apikey|privatekey/i

const article = (word: string) => (/^[aeiouxAEIOUX]/.test(word) ? `an ${word}` : `a ${word}`)

const literal = (value: SchemaAST.LiteralValue) => (typeof value === "bigint" ? `${value}n` : JSON.stringify(value))

const isLiteral = (ast: SchemaAST.AST): ast is SchemaAST.Literal => ast._tag === "Literal"

const isNull = (ast: SchemaAST.AST): boolean => ast._tag === "Null"

/** The type an AST stands for, in words. */
const expected = (ast: SchemaAST.AST): string => {
  const identifier = SchemaAST.resolveIdentifier(ast)
  const description = SchemaAST.resolveDescription(ast)
  if (ast._tag === "Literal") return literal(ast.literal)
  if (ast._tag === "Union" && ast.types.every(isLiteral)) {
    const values = ast.types.map((member) => literal(member.literal))
    return `${identifier === undefined ? "" : `${article(identifier)}: `}one of ${values.join(", ")}`
  }
  if (identifier !== undefined) return `${article(identifier)}${description === undefined ? "" : ` (${description})`}`
  if (description !== undefined) return description
  switch (ast._tag) {
    case "String":
      return "a string"
    case "Number":
      return "a number"
    case "Boolean":
      return "true or false"
    case "BigInt":
      return "a bigint"
    case "Null":
      return "null"
    case "Objects":
      return "an object"
    case "Arrays":
      return "an array"
    case "Suspend":
      return expected(ast.thunk())
    case "Union":
      return ast.types.map(expected).join(" or ")
    default:
      return ast._tag
  }
}

const named = (ast: SchemaAST.AST): boolean => SchemaAST.resolveIdentifier(ast) !== undefined

const show = (value: unknown, secret: boolean): string => {
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (value === null) return "null"
  if (typeof value === "object") return "an object"
  if (secret) return `${article(typeof value)} (not shown)`
  const text = typeof value === "bigint" ? `${value}n` : JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

const pathText = (path: ReadonlyArray<PropertyKey>) =>
  path.map((key, i) => typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`).join("")

/** Whether an AST's issues are about its members or items, rather than about the value itself. */
const isStructural = (ast: SchemaAST.AST): boolean => ast._tag === "Objects" || ast._tag === "Arrays"

/** Whether an issue is about a member or an item, below encodings and checks. */
const structural = (issue: SchemaIssue.Issue): boolean => {
  switch (issue._tag) {
    case "Pointer":
      return true
    case "Composite":
      return isStructural(issue.ast) || issue.issues.some(structural)
    case "AnyOf":
      return issue.issues.some(structural)
    case "Encoding":
    case "Filter":
      return structural(issue.issue)
    default:
      return false
  }
}

/** The explicit message a check or a transformation gave for an issue, if any. */
const messageOf = (issue: SchemaIssue.Issue): string | undefined => {
  const annotations = issue._tag === "Filter"
    ? issue.filter.annotations
    : issue._tag === "InvalidValue" || issue._tag === "Forbidden"
    ? issue.annotations
    : undefined
  const message = annotations?.["message"]
  if (typeof message === "string") return message
  return issue._tag === "Filter" ? messageOf(issue.issue) : undefined
}

/** What a check expects, in its own words (`an integer`), when it says. */
const filterExpected = (issue: SchemaIssue.Filter): string | undefined => {
  const words = issue.filter.annotations?.["description"] ?? issue.filter.annotations?.["expected"]
  return typeof words === "string" ? words : undefined
}

/** The value an issue is about, or the nearest one above it at the same path, when known. */
const UNKNOWN: unique symbol = Symbol("unknown")
type Input = unknown | typeof UNKNOWN

const inputOf = (issue: SchemaIssue.Issue, above: Input): Input => (Object.hasOwn(issue, "input") ? issue.input : above)

/** Every problem of a schema issue, as lines `path: what`. */
export const describeIssues = (root: SchemaIssue.Issue): ReadonlyArray<string> => {
  const out: Array<string> = []
  const leaf = (path: ReadonlyArray<PropertyKey>, text: string): void => {
    out.push(path.length === 0 ? text : `${pathText(path)}: ${text}`)
  }
  const mismatch = (path: ReadonlyArray<PropertyKey>, what: string, actual: Input, detail?: string) => {
    const secret = path.some((key) => typeof key === "string" && SECRET.test(key))
    const got = actual === UNKNOWN ? "" : `, got ${show(actual, secret)}`
    leaf(path, `expected ${what}${got}${detail === undefined || secret ? "" : ` (${detail})`}`)
  }
  const walk = (
    issue: SchemaIssue.Issue,
    path: ReadonlyArray<PropertyKey>,
    name: string | undefined,
    above: Input
  ): void => {
    const input = inputOf(issue, above)
    switch (issue._tag) {
      case "Pointer":
        return walk(issue.issue, [...path, ...issue.path], undefined, UNKNOWN)
      case "MissingKey":
        return leaf(path, "is missing")
      case "UnexpectedKey": {
        const key = path.at(-1)
        const members = issue.ast._tag === "Objects"
          ? issue.ast.propertySignatures.flatMap((p) => typeof p.name === "string" ? [p.name] : [])
          : []
        const type = SchemaAST.resolveIdentifier(issue.ast)
        return leaf(
          path,
          `is not a member ${type === undefined ? "here" : `of ${type}`}${
            typeof key === "string" ? didYouMean(key, members) : ""
          }`
        )
      }
      case "Forbidden":
        return leaf(path, "cannot be checked here")
      case "OneOf":
        return mismatch(path, `exactly one of ${expected(issue.ast)}`, input)
      case "InvalidType":
        return mismatch(path, name ?? expected(issue.ast), input)
      case "InvalidValue":
        return mismatch(path, name ?? "a valid value", input, messageOf(issue))
      case "Filter":
        return mismatch(path, name ?? filterExpected(issue) ?? "a valid value", input, messageOf(issue))
      case "Encoding": {
        // The outermost name is the type's, as long as the problem is with the value itself, not with a
        // member or item of it.
        const own = structural(issue.issue) ? undefined : name ?? (named(issue.ast) ? expected(issue.ast) : undefined)
        return walk(issue.issue, path, own, input)
      }
      case "Composite": {
        if (isStructural(issue.ast) || structural(issue)) {
          // A check of the whole object or array (no duplicate keys) is named after its type.
          const own = named(issue.ast) ? expected(issue.ast) : undefined
          for (const each of issue.issues) walk(each, path, each._tag === "Filter" ? own : undefined, input)
          return
        }
        // A value that fails checks of a type: one problem, in the type's name when it has one.
        const own = name ?? (named(issue.ast) ? expected(issue.ast) : undefined)
        if (own !== undefined) return mismatch(path, own, input)
        for (const each of issue.issues) walk(each, path, undefined, input)
        return
      }
      case "AnyOf": {
        if (issue.issues.some(structural)) {
          for (const each of issue.issues) walk(each, path, undefined, input)
          return
        }
        // A nillable member given something else than null: the problem is with the other members.
        const members = issue.ast.types.filter((member) => !isNull(member))
        const nullable = members.length < issue.ast.types.length
        const what = name ??
          (members.length === 1
            ? expected(members[0]!)
            : nullable
            ? members.map(expected).join(" or ")
            : expected(issue.ast))
        return mismatch(path, nullable ? `${what} or null` : what, input)
      }
    }
  }
  walk(root, [], undefined, UNKNOWN)
  return out
}
