/**
 * Writes one TypeScript module per WSDL, in the order given: each declares its WSDL's types (those an
 * earlier WSDL declared already are imported from that one's module, after checking that they are the
 * same), its service, messages and operations; then formats it.
 */
import * as crypto from "node:crypto"
import { type Earlier, FileContext, type Located } from "./context.js"
import { checkDocs, type Docs, noDocs } from "./docs.js"
import { writeService } from "./emitService.js"
import { dependencies, writeTypes } from "./emitTypes.js"
import { fail } from "./failure.js"
import { format } from "./format.js"
import type { TypeRef, WsdlModel } from "./model.js"
import { isIdentifier, literal } from "./names.js"
import { checkRest, type FlagAliases, type RestBindings, type RestFacts } from "./rest.js"
import { keyOf } from "./xml.js"

/** The generator's version, named in every banner. */
export const VERSION = "0.2.0"

export interface Source {
  readonly file: string
  readonly text: string
}

export interface Input {
  readonly wsdl: Source
  readonly model: WsdlModel
  readonly docs: { readonly source: Source; readonly docs: Docs } | undefined
  /** The REST wire's facts: operations' bindings where they depart from the rule, flags' .NET names. */
  readonly rest?: { readonly source: Source; readonly facts: RestFacts } | undefined
}

export interface Output {
  /** The module's file name, e.g. `ErpSync.ts`. */
  readonly path: string
  readonly content: string
}

const sha256 = (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex")

const moduleOf = (file: string) => file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "")

/**
 * A declaration without where it is, for comparing the same type as two WSDLs declare it: the namespaces
 * of `versions` (those of the versions of a service) are one.
 */
const shapeOf = (decl: Located, versions: ReadonlySet<string>): string => {
  const { location: _, ...shape } = decl
  return JSON.stringify(shape, (_key, value: unknown) => typeof value === "string" && versions.has(value) ? "" : value)
}

const checkNames = (context: FileContext, names: ReadonlyArray<string>): void => {
  const seen = new Set<string>()
  for (const name of names) {
    if (!isIdentifier(name)) {
      fail({
        reason: "Unsupported",
        file: context.file,
        path: "",
        detail: `${literal(name)} cannot be a TypeScript name`
      })
    }
    if (seen.has(name)) {
      fail({ reason: "Conflict", file: context.file, path: "", detail: `the name ${name} is used twice in the module` })
    }
    seen.add(name)
  }
}

/**
 * The modules for the inputs, in their order. A WSDL whose target namespace is not one of `reuses` uses
 * the declarations of an earlier WSDL in one of `reuses` (an earlier version of its service) wherever its
 * own are the same but for the namespace, and everything they refer to is too; its service says so
 * (`Service.define`'s `reuses`). Its docs fall back to those of the earlier version of its service.
 */
export const emit = (inputs: ReadonlyArray<Input>, reuses: ReadonlyArray<string> = []): ReadonlyArray<Output> => {
  const earlier = new Map<string, Earlier>()
  const docsOfService = new Map<string, Docs>()
  const restOfService = new Map<string, RestBindings>()
  const flagsOfService = new Map<string, FlagAliases>()
  const outputs: Array<Output> = []
  const modules = new Set<string>()
  for (const input of inputs) {
    const module = moduleOf(input.wsdl.file)
    if (modules.has(module)) {
      fail({ reason: "Conflict", file: input.wsdl.file, path: "", detail: `two inputs would both write ${module}.ts` })
    }
    modules.add(module)
    const own = input.docs?.docs ?? noDocs
    if (input.docs !== undefined) checkDocs(input.docs.source.file, own, input.model)
    const target = input.model.service.namespace
    const reused = reuses.filter((namespace) => namespace !== target)
    const versions = new Set([target, ...reused])
    const previous = reused.length === 0 ? undefined : docsOfService.get(input.model.service.name)
    const docs = previous === undefined ? own : {
      service: own.service ?? previous.service,
      operations: { ...previous.operations, ...own.operations },
      types: { ...previous.types, ...own.types }
    }
    docsOfService.set(input.model.service.name, docs)
    if (input.rest !== undefined) checkRest(input.rest.source.file, input.rest.facts, input.model)
    const operationNames = new Set(input.model.service.operations.map((o) => o.name))
    const rest = Object.fromEntries(
      Object.entries({
        ...(reused.length === 0 ? {} : restOfService.get(input.model.service.name)),
        ...input.rest?.facts.operations
      }).filter(([name]) => operationNames.has(name))
    )
    restOfService.set(input.model.service.name, rest)
    const flags = {
      ...(reused.length === 0 ? {} : flagsOfService.get(input.model.service.name)),
      ...input.rest?.facts.flags
    }
    flagsOfService.set(input.model.service.name, flags)
    const local = new Map<string, Located>()
    // Types an earlier WSDL declared already: re-exported from its module, by module.
    const shared = new Map<string, Array<string>>()
    // The types of the target namespace an earlier version declares the same: until one is found to refer to
    // a type that is not, each is taken to be (a recursive group is the same when all of it is).
    const counterparts = new Map<string, Earlier>()
    for (const [key, decl] of input.model.types) {
      if (earlier.has(key) || decl.name.namespace !== target) continue
      for (const namespace of reused) {
        const counterpart = earlier.get(keyOf({ namespace, name: decl.name.name }))
        if (counterpart !== undefined && shapeOf(counterpart.decl, versions) === shapeOf(decl, versions)) {
          counterparts.set(key, counterpart)
          break
        }
      }
    }
    const isSame = (ref: TypeRef) =>
      ref.namespace !== target || counterparts.has(keyOf(ref)) ||
      (earlier.get(keyOf(ref))?.decl.name.namespace ?? target) !== target
    for (let changed = true; changed;) {
      changed = false
      for (const [key] of counterparts) {
        if (!dependencies(input.model.types.get(key)!).every(isSame)) {
          counterparts.delete(key)
          changed = true
        }
      }
    }
    for (const [key, counterpart] of counterparts) earlier.set(key, counterpart)
    for (const [key, decl] of input.model.types) {
      const known = earlier.get(key)
      if (known === undefined) {
        local.set(key, decl)
        continue
      }
      if (shapeOf(known.decl, versions) !== shapeOf(decl, versions)) {
        fail({
          ...decl.location,
          reason: "Conflict",
          detail: `the type ${key} differs from the one of ${known.module}'s WSDL, so they cannot be one declaration`
        })
      }
      shared.set(known.module, [...(shared.get(known.module) ?? []), decl.name.name])
    }
    const context = new FileContext(
      input.model,
      local,
      earlier,
      docs,
      counterparts.size > 0 ? reused : [],
      rest,
      flags
    )
    const types = writeTypes(context)
    const service = writeService(context)

    const typeNames = [...local.values()].flatMap((d) =>
      context.isRecursive(d.name) ? [d.name.name, `${d.name.name}Encoded`] : [d.name.name]
    )
    const operations = input.model.service.operations
    const messages = [...new Set(operations.flatMap((o) => [o.input.message, o.output.message]))]
    const imported = [...context.imports.values()].flatMap((names) => [...names])
    checkNames(context, [
      ...typeNames,
      ...messages,
      ...operations.map((o) => o.name),
      ...new Set([...imported, ...[...shared.values()].flat()]),
      ...context.namespaces.values(),
      ...context.codec,
      ...context.typeImports.keys(),
      "Schema",
      "definition",
      "service"
    ])

    const alongside = [input.docs?.source, input.rest?.source].flatMap((source) =>
      source === undefined ? [] : [` and ${source.file.replace(/^.*[\\/]/, "")} (sha256 ${sha256(source.text)})`]
    ).join("")
    const banner = `// @generated by @erpsync/codegen ${VERSION} from ${moduleOf(input.wsdl.file)}.wsdl (sha256 ${
      sha256(input.wsdl.text)
    })${alongside}.\n// Do not edit: change the WSDL or its docs and generate again (in the erpsync repository: pnpm codegen).\n`
    const importLines = [
      `import { ${[...context.codec].sort().join(", ")} } from "@erpsync/codec"`,
      ...[...context.typeImports].sort().map(([name, from]) => `import type * as ${name} from ${literal(from)}`),
      `import * as Schema from "effect/Schema"`,
      ...[...context.imports].sort().map(([from, names]) =>
        `import { ${[...names].sort().join(", ")} } from ${literal(`./${from}.js`)}`
      )
    ]
    const reexports = [...shared].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([from, names]) =>
      `\n/** The types ${moduleOf(input.wsdl.file)} shares with ${from}, declared there. */\nexport { ${
        names.sort().join(", ")
      } } from ${literal(`./${from}.js`)}\n`
    ).join("")
    const namespaces = [...context.namespaces].map(([uri, name]) => `const ${name} = ${literal(uri)}`).join("\n")
    const text = `${banner}${importLines.join("\n")}\n${reexports}\n${namespaces}\n\n${types}\n${service}`
    outputs.push({ path: `${module}.ts`, content: format(`${module}.ts`, text) })
    for (const [key, decl] of local) earlier.set(key, { decl, module, recursive: context.isRecursive(decl.name) })
  }
  return outputs
}
