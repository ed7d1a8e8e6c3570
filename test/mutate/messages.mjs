/**
 * A Stryker ignorer: string-literal mutants of the codec's human-readable error messages. A message is
 * for people (its wording may change at will); the `reason`, the path and the location are what users
 * match on, and their mutants all stay.
 *
 * A literal is a message when it is the message argument of one of the codec's error constructors (and of
 * `Error` and `TypeError`), the value of a `detail`, `message` or `problem` property or what a `message`
 * function returns (a refinement's), what an error's `message` getter returns, or what the namespace
 * rules return as a problem; literals nested in a message (a
 * template's parts, the branches of a conditional, concatenations) are too.
 */
import { declareValuePlugin, PluginKind } from "@stryker-mutator/api/plugin"

/** Functions and classes whose argument at this index is a message. */
const MESSAGE_ARGUMENT = new Map([
  // The decoder's: (decoder, reason, detail), and (decoder, frame, detail).
  ["parseError", 2],
  ["decodeError", 2],
  ["envelopeError", 2],
  ["valueError", 2],
  ["definitionError", 1],
  ["unsupported", 0],
  ["EncodeFailure", 1],
  // The JSON codec's: the reader's refusal (reason, detail), its failure (kind, reason, detail), the
  // interpreter's (reason, detail).
  ["refuse", 1],
  ["JsonReadFailure", 2],
  ["JsonValueFailure", 1],
  ["SchemaDefinitionError", 0],
  ["fail", 0],
  ["Error", 0],
  ["TypeError", 0],
  // The fault writer's name check: its second argument only says, in the TypeError, what the name was for.
  ["checkName", 1],
  // The lexical rules' type names, which only their messages show.
  ["parseBoundedInteger", 0],
  ["formatBoundedInteger", 0],
  ["parseBigInteger", 0],
  ["formatBigInteger", 0],
  ["parseEnumeration", 0],
  ["formatEnumeration", 0],
  ["formatCollapsed", 0]
])
// `problem`: why a name or a namespace declaration breaks the rules, which the decoder gives as a
// parse error's detail.
const MESSAGE_PROPERTY = new Set(["detail", "message", "problem"])
/** Functions whose result is a message: the namespace rules', which the decoder gives as a detail. */
const MESSAGE_RESULT = new Set(["pairProblem", "declare"])

const nameOf = (node) =>
  node.type === "Identifier" ? node.name : node.type === "MemberExpression" ? nameOf(node.property) : undefined

/** The outermost expression a literal is part of, through templates, conditionals' branches and `+`. */
const messageExpression = (path) => {
  let p = path
  for (;;) {
    const parent = p.parentPath
    if (parent === null) return p
    if (parent.isTemplateLiteral() || parent.isBinaryExpression({ operator: "+" })) p = parent
    else if (parent.isConditionalExpression() && p.key !== "test") p = parent
    else return p
  }
}

const isMessage = (expression) => {
  const parent = expression.parentPath
  if (parent === null) return false
  if ((parent.isCallExpression() || parent.isNewExpression()) && expression.listKey === "arguments") {
    return MESSAGE_ARGUMENT.get(nameOf(parent.node.callee)) === expression.key
  }
  if (parent.isObjectProperty() && expression.key === "value") return MESSAGE_PROPERTY.has(nameOf(parent.node.key))
  // `message: () => "…"`, a refinement's message
  if (parent.isArrowFunctionExpression() && expression.key === "body") {
    const property = parent.parentPath
    return property !== null && property.isObjectProperty() && parent.key === "value" &&
      MESSAGE_PROPERTY.has(nameOf(property.node.key))
  }
  if (parent.isReturnStatement()) {
    const fn = parent.getFunctionParent()
    if (fn === null) return false
    if (fn.isClassMethod()) {
      const name = nameOf(fn.node.key)
      return fn.node.kind === "get" ? name === "message" : MESSAGE_RESULT.has(name)
    }
    const declarator = fn.parentPath
    return declarator !== null && declarator.isVariableDeclarator() && MESSAGE_RESULT.has(nameOf(declarator.node.id))
  }
  return false
}

/** The reason this ignorer gives; `report.ts` tells it from a `Stryker disable` comment's by it. */
export const MESSAGE_WORDING = "the wording of a human-readable error message"

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, "ErrorMessages", {
    shouldIgnore: (path) =>
      (path.isStringLiteral() || path.isTemplateLiteral()) && path.parentPath?.isTemplateLiteral() !== true &&
        isMessage(messageExpression(path))
        ? MESSAGE_WORDING
        : undefined
  })
]
