/**
 * Formats generated code with dprint, with the settings of `dprint.json` (which this repository's lint
 * uses too), so that the output reads like hand-written code and passes the same checks.
 */
import { createFromBuffer, type Formatter } from "@dprint/formatter"
import { getPath } from "@dprint/typescript"
import * as fs from "node:fs"
import settings from "../dprint.json" with { type: "json" }

const config: Record<string, unknown> = settings

let formatter: Formatter | undefined

/** The source formatted; throws on a syntax error (a bug of the generator). */
export const format = (filePath: string, text: string): string => {
  formatter ??= createFromBuffer(fs.readFileSync(getPath()))
  return formatter.formatText({ filePath, fileText: text, overrideConfig: config })
}
