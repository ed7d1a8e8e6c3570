/**
 * Doc comments for generated code, which a WSDL does not carry: read from a JSON file beside it
 * (`ErpSync.docs.json` beside `ErpSync.wsdl`), and checked to name only what the WSDL declares.
 */
import { fail } from "./failure.js"
import type { WsdlModel } from "./model.js"

/** The doc comments of one WSDL. */
export interface Docs {
  /** The service. */
  readonly service?: string | undefined
  /** Operations, by name. */
  readonly operations: Readonly<Record<string, string>>
  /** Types by name, and their members as `Type.Member`. */
  readonly types: Readonly<Record<string, string>>
}

export const noDocs: Docs = { operations: {}, types: {} }

/** The doc comment of `key`, if the docs have one of their own (never one of `Object.prototype`'s names). */
export const docOfKey = (docs: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(docs, key) ? docs[key] : undefined

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === "object" && value !== null && !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === "string")

/** The JSON object of a file beside a WSDL (docs, REST bindings), or a `Docs` failure naming the file. */
export const readJsonObject = (file: string, text: string): Record<string, unknown> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return fail({ reason: "Docs", file, path: "", detail: `not JSON: ${e instanceof Error ? e.message : String(e)}` })
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return fail({ reason: "Docs", file, path: "", detail: "not an object" })
  }
  return json as Record<string, unknown>
}

/** Reads a docs file's text. */
export const parseDocs = (file: string, text: string): Docs => {
  const { operations = {}, service, types = {}, ...rest } = readJsonObject(file, text)
  const unknownKeys = Object.keys(rest).filter((key) => key !== "$comment")
  if (unknownKeys.length > 0) {
    return fail({ reason: "Docs", file, path: "", detail: `unknown keys ${unknownKeys.join(", ")}` })
  }
  if (service !== undefined && typeof service !== "string") {
    return fail({ reason: "Docs", file, path: "/service", detail: "not a string" })
  }
  if (!isStringRecord(operations)) return fail({ reason: "Docs", file, path: "/operations", detail: "not strings" })
  if (!isStringRecord(types)) return fail({ reason: "Docs", file, path: "/types", detail: "not strings" })
  return { service, operations, types }
}

/** Fails when the docs name an operation, type or member the WSDL does not declare. */
export const checkDocs = (file: string, docs: Docs, model: WsdlModel): void => {
  const operations = new Set(model.service.operations.map((o) => o.name))
  for (const name of Object.keys(docs.operations)) {
    if (!operations.has(name)) {
      fail({ reason: "Docs", file, path: `/operations/${name}`, detail: `no operation ${name}` })
    }
  }
  const types = new Map([...model.types.values()].map((t) => [t.name.name, t]))
  for (const name of Object.keys(docs.types)) {
    const [typeName, member] = name.split(".")
    const type = types.get(typeName!)
    const known = type !== undefined &&
      (member === undefined || (type.kind === "struct" && type.members.some((m) => m.name === member)))
    if (!known) fail({ reason: "Docs", file, path: `/types/${name}`, detail: `no type or member ${name}` })
  }
}
