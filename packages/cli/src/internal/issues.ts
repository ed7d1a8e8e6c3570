/**
 * A JSON input's problems in plain words, every one of them, each with its path from the input's root:
 * `ErpConnectorId: expected an xs:int (a whole number from -2147483648 to 2147483647), got "one"`. The type
 * expected is the outermost named one (`xs:int`, not the number check inside it), described by its
 * `description` annotation; a nillable member is "… or null", without a second problem for the null.
 * The value found is shown when it is a string, number or boolean, and not at or below a member whose name
 * says it holds a secret (`Password`, `Ticket`, `Credentials`...); an object or array is only named.
 */
import * as Option from "effect/Option"
import type * as ParseResult from "effect/ParseResult"
import * as AST from "effect/SchemaAST"

const SECRET = /password|ticket|token|secret|credential|apikey|privatekey/i

const article = (word: string) => (/^[aeiouxAEIOUX]/.test(word) ? `an ${word}` : `a ${word}`)

const literal = (value: AST.LiteralValue) => (typeof value === "bigint" ? `${value}n` : JSON.stringify(value))

/** The type an AST stands for, in words. */
const expected = (ast: AST.AST): string => {
  const identifier = Option.getOrUndefined(AST.getIdentifierAnnotation(ast))
  const description = Option.getOrUndefined(AST.getDescriptionAnnotation(ast))
  if (ast._tag === "Literal") return literal(ast.literal)
  if (ast._tag === "Union" && ast.types.every((member) => member._tag === "Literal")) {
    const values = ast.types.map((member) => literal((member as AST.Literal).literal))
    return `${identifier === undefined ? "" : `${article(identifier)}: `}one of ${values.join(", ")}`
  }
  if (identifier !== undefined) return `${article(identifier)}${description === undefined ? "" : ` (${description})`}`
  switch (ast._tag) {
    case "StringKeyword":
      return "a string"
    case "NumberKeyword":
      return "a number"
    case "BooleanKeyword":
      return "true or false"
    case "BigIntKeyword":
      return "a bigint"
    case "TypeLiteral":
      return "an object"
    case "TupleType":
      return "an array"
    case "Refinement":
      // A check's own words (`a number between 1 and 10`), else the type it checks.
      return description ?? expected(ast.from)
    case "Transformation":
      return expected(ast.to)
    default:
      return description ?? String(ast)
  }
}

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

const named = (ast: AST.AST): boolean => Option.isSome(AST.getIdentifierAnnotation(ast))

/** Whether an issue is about a member or an item, below refinements and transformations. */
const structural = (issue: ParseResult.ParseIssue): boolean =>
  issue._tag === "Pointer" || (issue._tag === "Composite" && issue.ast._tag !== "Union") ||
  ((issue._tag === "Refinement" || issue._tag === "Transformation") && issue.kind !== "Predicate" &&
    structural(issue.issue))

const isNullLiteral = (ast: AST.AST): boolean => ast._tag === "Literal" && ast.literal === null

/** Every problem of a parse issue, as lines `path: what`. */
export const describeIssues = (root: ParseResult.ParseIssue): ReadonlyArray<string> => {
  const out: Array<string> = []
  const leaf = (path: ReadonlyArray<PropertyKey>, text: string): void => {
    out.push(path.length === 0 ? text : `${pathText(path)}: ${text}`)
  }
  const mismatch = (path: ReadonlyArray<PropertyKey>, what: string, actual: unknown, detail?: string) => {
    const secret = path.some((key) => typeof key === "string" && SECRET.test(key))
    leaf(path, `expected ${what}, got ${show(actual, secret)}${detail === undefined || secret ? "" : ` (${detail})`}`)
  }
  const walk = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>, name: string | undefined): void => {
    switch (issue._tag) {
      case "Pointer":
        return walk(issue.issue, [...path, ...(Array.isArray(issue.path) ? issue.path : [issue.path])], undefined)
      case "Missing":
        return leaf(path, "is missing")
      case "Unexpected":
        return leaf(path, "is not a member here")
      case "Forbidden":
        return leaf(path, "cannot be checked here")
      case "Type":
        return mismatch(path, name ?? expected(issue.ast), issue.actual, issue.message)
      case "Refinement":
      case "Transformation": {
        // The outermost name is the type's, as long as the problem is with the value itself, not with a
        // member or item of it.
        const own = structural(issue.issue) ? undefined : name ?? (named(issue.ast) ? expected(issue.ast) : undefined)
        if (issue._tag === "Refinement" && issue.kind === "Predicate") {
          const detail = issue.issue._tag === "Type" ? issue.issue.message : undefined
          return mismatch(path, own ?? expected(issue.ast), issue.actual, detail)
        }
        return walk(issue.issue, path, own)
      }
      case "Composite": {
        const issues = Array.isArray(issue.issues) ? issue.issues : [issue.issues as ParseResult.ParseIssue]
        if (issue.ast._tag !== "Union") {
          for (const each of issues) walk(each, path, undefined)
          return
        }
        // A nillable member given something else than null: the problem is with the other members.
        const nullable = issue.actual !== null && issue.ast.types.some(isNullLiteral)
        const rest = nullable ? issues.filter((each) => !(each._tag === "Type" && isNullLiteral(each.ast))) : issues
        if (rest.every((each) => each._tag === "Type")) {
          const members = issue.ast.types.filter((member) => !isNullLiteral(member))
          const what = name ?? (members.length === 1 ? expected(members[0]!) : expected(issue.ast))
          return mismatch(path, nullable ? `${what} or null` : what, issue.actual)
        }
        for (const each of rest) walk(each, path, undefined)
        return
      }
    }
  }
  walk(root, [], undefined)
  return out
}
