/**
 * `erpsync codegen WSDL... --out DIR`: the generator on the command line, for another NetServer WSDL of
 * the same style (another version of ErpSync, or another agent). Each WSDL's docs file beside it
 * (`<name>.docs.json`) is read when there is one.
 */
import { Args, Command, Options } from "@effect/cli"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as path from "node:path"

export const codegen = Command.make(
  "codegen",
  {
    wsdl: Args.file({ name: "WSDL", exists: "yes" }).pipe(
      Args.withDescription("A WSDL file; give several in order: a type they share is declared in the first"),
      Args.atLeast(1)
    ),
    out: Options.directory("out").pipe(Options.withDescription("The folder to write the modules to"))
  },
  ({ out, wsdl }) =>
    Effect.gen(function*() {
      // Loaded here, so that the other commands do not load the generator.
      const { Codegen } = yield* Effect.promise(() => import("@erpsync/codegen"))
      const sources = yield* Codegen.readSources(wsdl)
      const files = yield* Codegen.generate(sources)
      fs.mkdirSync(out, { recursive: true })
      for (const file of files) {
        const target = path.join(out, file.path)
        fs.writeFileSync(target, file.content)
        yield* Console.log(target)
      }
    })
).pipe(Command.withDescription("Generate the declarations of a service from its WSDL (one module per WSDL)"))
