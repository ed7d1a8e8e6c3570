/**
 * A node's checks run on a value as Effect's parser runs them, the first failing one's issue formatted.
 */
import type * as AST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"

export const formatIssue = SchemaIssue.makeFormatterDefault()

/** Runs `checks` on a value: the first one's issue, formatted, or `undefined` when they all pass. */
export const checkOf =
  (checks: ReadonlyArray<AST.Check<unknown>>, ast: AST.AST) => (value: unknown): string | undefined => {
    const issue = firstIssue(checks, value, ast)
    return issue === undefined ? undefined : formatIssue(issue)
  }

export const firstIssue = (
  checks: ReadonlyArray<AST.Check<unknown>>,
  value: unknown,
  ast: AST.AST
): SchemaIssue.Issue | undefined => {
  for (const check of checks) {
    if (check._tag === "FilterGroup") {
      const issue = firstIssue(check.checks, value, ast)
      if (issue !== undefined) return issue
      continue
    }
    let issue: SchemaIssue.Issue | undefined
    try {
      issue = check.run(value, ast, {})
    } catch (e) {
      // A filter that throws refuses the value.
      issue = new SchemaIssue.InvalidValue({ message: e instanceof Error ? e.message : String(e) }, value)
    }
    if (issue !== undefined) return new SchemaIssue.Filter(check, issue, value)
  }
  return undefined
}
