/**
 * Formats generated code with dprint, configured as this repository formats its own code, so that the
 * output reads like hand-written code and passes the same checks.
 */
import { createFromBuffer, type Formatter } from "@dprint/formatter"
import { getPath } from "@dprint/typescript"
import * as fs from "node:fs"

const config = {
  indentWidth: 2,
  lineWidth: 120,
  semiColons: "asi",
  quoteStyle: "alwaysDouble",
  trailingCommas: "never",
  operatorPosition: "maintain",
  "arrowFunction.useParentheses": "force"
}

let formatter: Formatter | undefined

/** The source formatted; throws on a syntax error (a bug of the generator). */
export const format = (filePath: string, text: string): string => {
  formatter ??= createFromBuffer(fs.readFileSync(getPath()))
  return formatter.formatText({ filePath, fileText: text, overrideConfig: config })
}
