/**
 * `erpsync codegen WSDL... --out DIR [--reuse NAMESPACE]...`: the generator on the command line, for another
 * NetServer WSDL of the same style (another version of ErpSync, or another agent). Each WSDL's docs file
 * beside it (`<name>.docs.json`) is read when there is one.
 */
import { Codegen } from "@erpsync/codegen"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as path from "node:path"
import type { CodegenArgs } from "../commands.js"

/** Writes the modules generated from the WSDLs into `out`, printing each file's path. */
export const codegen = ({ out, reuse, wsdl }: CodegenArgs) =>
  Effect.gen(function*() {
    const sources = yield* Effect.fromResult(Codegen.readSources(wsdl))
    const files = yield* Effect.fromResult(Codegen.generate(sources, { reuses: reuse }))
    fs.mkdirSync(out, { recursive: true })
    for (const file of files) {
      const target = path.join(out, file.path)
      fs.writeFileSync(target, file.content)
      yield* Console.log(target)
    }
  })
