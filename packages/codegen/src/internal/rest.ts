/**
 * The REST bindings of a service's operations where they depart from the rule (a JSON object of the
 * request's members, the response's `Response` as the answer): read from a JSON file beside the WSDL
 * (`ErpSync.rest.json`), and checked to name only operations and request members the WSDL declares.
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

/** Reads a REST bindings file's text. */
export const parseRest = (file: string, text: string): RestBindings => {
  const { operations = {}, ...rest } = readJsonObject(file, text)
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
  return out
}

/** Fails when the bindings name an operation, or a request member, the WSDL does not declare. */
export const checkRest = (file: string, bindings: RestBindings, model: WsdlModel): void => {
  for (const [name, binding] of Object.entries(bindings)) {
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
