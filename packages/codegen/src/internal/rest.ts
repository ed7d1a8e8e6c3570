/**
 * The REST wire's facts the WSDL does not give, read from a JSON file beside it (`ErpSync.rest.json`): the
 * bindings of operations that depart from the rule (a JSON object of the request's members, the
 * response's `Response` as the answer), checked to name only operations and request members the WSDL
 * declares; and the names a `[Flags]` enum has in .NET beside the WSDL's, which the WebAPI may write.
 */
import { readJsonObject } from "./docs.js"
import { fail } from "./failure.js"
import type { WsdlModel } from "./model.js"
import { keyOf } from "./xml.js"

/** An operation's REST binding: the member posted as the whole body, or those sent as query parameters. */
export interface RestBinding {
  readonly body?: string
  readonly query?: ReadonlyArray<string>
}

/** The REST bindings of one WSDL's operations, by name. */
export type RestBindings = Readonly<Record<string, RestBinding>>

const isStringArray = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((item) => typeof item === "string")

/** Names a `[Flags]` enum has beside the WSDL's (`FULL`, `None`), with their values, by the enum's name. */
export type FlagAliases = Readonly<Record<string, Readonly<Record<string, number>>>>

/** What a REST facts file says. */
export interface RestFacts {
  readonly operations: RestBindings
  readonly flags: FlagAliases
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const parseFlags = (file: string, flags: unknown): FlagAliases => {
  if (!isObject(flags)) return fail({ reason: "Docs", file, path: "/flags", detail: "not an object" })
  for (const [type, aliases] of Object.entries(flags)) {
    if (!isObject(aliases)) return fail({ reason: "Docs", file, path: `/flags/${type}`, detail: "not an object" })
    for (const [name, value] of Object.entries(aliases)) {
      if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 || value > 0x7fffffff) {
        return fail({ reason: "Docs", file, path: `/flags/${type}/${name}`, detail: "not a flags value" })
      }
    }
  }
  return flags as FlagAliases
}

/** Reads a REST facts file's text. */
export const parseRest = (file: string, text: string): RestFacts => {
  const { operations = {}, flags = {}, ...rest } = readJsonObject(file, text)
  const unknownKeys = Object.keys(rest).filter((key) => key !== "$comment")
  if (unknownKeys.length > 0) {
    return fail({ reason: "Docs", file, path: "", detail: `unknown keys ${unknownKeys.join(", ")}` })
  }
  if (typeof operations !== "object" || operations === null || Array.isArray(operations)) {
    return fail({ reason: "Docs", file, path: "/operations", detail: "not an object" })
  }
  const out: Record<string, RestBinding> = {}
  for (const [name, binding] of Object.entries(operations)) {
    const path = `/operations/${name}`
    if (typeof binding !== "object" || binding === null || Array.isArray(binding)) {
      return fail({ reason: "Docs", file, path, detail: "not an object" })
    }
    const { body, query, ...others } = binding as Record<string, unknown>
    if (Object.keys(others).length > 0) {
      return fail({ reason: "Docs", file, path, detail: `unknown keys ${Object.keys(others).join(", ")}` })
    }
    if (body !== undefined && typeof body !== "string") {
      return fail({ reason: "Docs", file, path, detail: "body is not a string" })
    }
    if (query !== undefined && !isStringArray(query)) {
      return fail({ reason: "Docs", file, path, detail: "query is not a list of names" })
    }
    if (body !== undefined && query !== undefined) {
      return fail({ reason: "Docs", file, path, detail: "a request goes either as a body or as a query" })
    }
    out[name] = { ...(body === undefined ? {} : { body }), ...(query === undefined ? {} : { query }) }
  }
  return { operations: out, flags: parseFlags(file, flags) }
}

/**
 * Fails when the facts name an operation, a request member or a flags type the WSDL does not declare, or
 * give a name the WSDL's flags have already.
 */
export const checkRest = (file: string, facts: RestFacts, model: WsdlModel): void => {
  for (const [type, aliases] of Object.entries(facts.flags)) {
    const decl = [...model.types.values()].find((d) => d.kind === "list" && d.name.name === type)
    if (decl === undefined) fail({ reason: "Docs", file, path: `/flags/${type}`, detail: `no flags type ${type}` })
    for (const name of Object.keys(aliases)) {
      if (decl!.kind === "list" && decl!.values.includes(name)) {
        fail({ reason: "Docs", file, path: `/flags/${type}/${name}`, detail: `${type} has ${name} already` })
      }
    }
  }
  for (const [name, binding] of Object.entries(facts.operations)) {
    const operation = model.service.operations.find((o) => o.name === name)
    if (operation === undefined) {
      fail({ reason: "Docs", file, path: `/operations/${name}`, detail: `no operation ${name}` })
    }
    const body = model.elements.get(keyOf(operation!.input.body))
    const members = body?.content.kind === "members" ? body.content.members.map((m) => m.name) : []
    for (const member of [...(binding.body === undefined ? [] : [binding.body]), ...(binding.query ?? [])]) {
      if (!members.includes(member)) {
        fail({ reason: "Docs", file, path: `/operations/${name}`, detail: `${name}'s request has no member ${member}` })
      }
    }
  }
}
