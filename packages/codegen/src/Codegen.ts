/**
 * The generator: WSDLs of WCF SOAP services in, one TypeScript module per WSDL out, declaring the
 * service's types, messages and operations as annotated Effect Schemas for `@erpsync/codec`, and the
 * record of its operations. The output imports only `@erpsync/codec`, `effect` and the modules of the
 * WSDLs before it (for the types they share), is deterministic (no timestamps, a stable order) and is
 * formatted.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as path from "node:path"
import { parseDocs } from "./internal/docs.js"
import { emit, VERSION } from "./internal/emit.js"
import { CodegenFailure } from "./internal/failure.js"
import { parseRest } from "./internal/rest.js"
import { readWsdl } from "./internal/wsdl.js"

/**
 * The generator's version, written into every banner.
 *
 * @since 0.1.0
 */
export const version: string = VERSION

/**
 * The generator could not read a WSDL, or met a construct it has no form for. `path` is the XML path in
 * the file, and `line:column` where known.
 *
 * @since 0.1.0
 * @category errors
 */
export class CodegenError extends Schema.TaggedError<CodegenError>("@erpsync/codegen/CodegenError")("CodegenError", {
  reason: Schema.Literals(["Malformed", "Unsupported", "Missing", "Conflict", "Docs", "Read"]),
  file: Schema.String,
  path: Schema.String,
  line: Schema.optional(Schema.Number),
  column: Schema.optional(Schema.Number),
  detail: Schema.String
}) {
  override get message(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 0}`
    return `${where}: ${this.reason}: ${this.path === "" ? "" : `at ${this.path}: `}${this.detail}`
  }
}

/**
 * A WSDL to generate from, with the doc comments for its operations and types, if any.
 *
 * @since 0.1.0
 * @category models
 */
export interface WsdlSource {
  /** The WSDL's file name; the module is named after it (`ErpSync.wsdl` → `ErpSync.ts`). */
  readonly file: string
  readonly text: string
  /**
   * A JSON object `{ "service": "…", "operations": { "<Operation>": "…" }, "types": { "<Type>": "…",
   * "<Type>.<Member>": "…" } }`; each entry must name something the WSDL declares.
   */
  readonly docs?: { readonly file: string; readonly text: string } | undefined
  /**
   * A JSON object `{ "operations": { "<Operation>": { "body": "<Member>" } | { "query": ["<Member>", …] } } }`:
   * the operations whose REST binding (SuperOffice's WebAPI agents) posts one request member as the whole
   * body, or sends the members as query parameters, instead of a JSON object of the members.
   */
  readonly rest?: { readonly file: string; readonly text: string } | undefined
}

/**
 * A generated module.
 *
 * @since 0.1.0
 * @category models
 */
export interface GeneratedFile {
  /** Its file name, e.g. `ErpSync.ts`. */
  readonly path: string
  readonly content: string
}

/**
 * Options of `generate`.
 *
 * @since 1.0.0
 * @category models
 */
export interface GenerateOptions {
  /**
   * The target namespaces of earlier versions of the services (`…/Services86`): a WSDL of another target
   * namespace (`…/Services88`) uses an earlier WSDL's declaration of a type wherever its own is the same
   * but for the namespace, and so is every type it refers to; its service lists them (`reuses`), so that
   * its messages carry them in its own namespace. Its operations and types without doc comments of their
   * own take those of the earlier version of the same service.
   */
  readonly reuses?: ReadonlyArray<string> | undefined
}

/**
 * Generates one module per WSDL, in the order given: a type an earlier WSDL declares too is declared
 * in the earlier module only (they must be the same), and imported from there; so is one an earlier
 * version declares the same (`options.reuses`).
 *
 * @since 0.1.0
 * @category generating
 */
export const generate = (
  sources: ReadonlyArray<WsdlSource>,
  options?: GenerateOptions
): Result.Result<ReadonlyArray<GeneratedFile>, CodegenError> => {
  try {
    return Result.succeed(emit(
      sources.map((source) => ({
        wsdl: source,
        model: readWsdl(source.file, source.text),
        docs: source.docs === undefined
          ? undefined
          : { source: source.docs, docs: parseDocs(source.docs.file, source.docs.text) },
        rest: source.rest === undefined
          ? undefined
          : { source: source.rest, facts: parseRest(source.rest.file, source.rest.text) }
      })),
      options?.reuses
    ))
  } catch (e) {
    if (e instanceof CodegenFailure) return Result.fail(new CodegenError(e.details))
    throw e
  }
}

/**
 * The docs file beside a WSDL: `ErpSync.docs.json` beside `ErpSync.wsdl`.
 *
 * @since 0.1.0
 * @category generating
 */
export const docsFileOf = (wsdlFile: string): string => wsdlFile.replace(/\.[^./\\]*$/, "") + ".docs.json"

/**
 * The REST bindings file beside a WSDL: `ErpSync.rest.json` beside `ErpSync.wsdl`.
 *
 * @since 1.0.0
 * @category generating
 */
export const restFileOf = (wsdlFile: string): string => wsdlFile.replace(/\.[^./\\]*$/, "") + ".rest.json"

/**
 * Reads WSDL files, each with the docs file beside it when there is one.
 *
 * @since 0.1.0
 * @category generating
 */
export const readSources = (files: ReadonlyArray<string>): Result.Result<ReadonlyArray<WsdlSource>, CodegenError> => {
  const read = (file: string): Result.Result<string, CodegenError> => {
    try {
      return Result.succeed(fs.readFileSync(file, "utf8"))
    } catch (e) {
      return Result.fail(
        new CodegenError({ reason: "Read", file, path: "", detail: e instanceof Error ? e.message : String(e) })
      )
    }
  }
  return Result.all(files.map((file) =>
    Result.gen(function*() {
      const text = yield* read(file)
      const docsFile = docsFileOf(file)
      const docs = fs.existsSync(docsFile) ? { file: path.basename(docsFile), text: yield* read(docsFile) } : undefined
      const restFile = restFileOf(file)
      const rest = fs.existsSync(restFile) ? { file: path.basename(restFile), text: yield* read(restFile) } : undefined
      return { file: path.basename(file), text, docs, rest }
    })
  ))
}
