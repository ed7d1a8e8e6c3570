/**
 * `erpsync operations`: every operation of every service in the registry, with the versions of
 * NetServer's API that have it, what it does (its description), its `SOAPAction` at each, and the members
 * of its request and response bodies (at the latest version that has it).
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import { type Version, versions } from "@erpsync/schema"
import * as Console from "effect/Console"
import type { OperationsArgs } from "../commands.js"
import { wrap } from "../help.js"

/** The members of a message's body element, as `Name: type` (`?` when it may be absent). */
export const bodyMembers = (message: Service.AnyOperation["request"]): ReadonlyArray<string> => {
  const description = XmlCodec.describe(message)
  const body = description.elements[0]!.type
  const sequence = body.kind === "complex"
    ? body.sequence ?? description.types.get(`{${body.name.namespace}}${body.name.name}`) ?? []
    : []
  return sequence.map((member) =>
    `${member.name}${member.minOccurs === 0 ? "?" : ""}: ${member.type.name?.name ?? "(anonymous)"}${
      member.nillable ? " | null" : ""
    }`
  )
}

const versionNames = Object.keys(versions) as ReadonlyArray<Version>

interface Row {
  readonly service: string
  readonly operation: string
  /** The versions that have it, oldest first. */
  readonly versions: ReadonlyArray<Version>
  /** Its `SOAPAction` at each of them. */
  readonly actions: Readonly<Partial<Record<Version, string>>>
  /** What it does, in a sentence (from the service's docs), or `null`. */
  readonly description: string | null
  readonly request: ReadonlyArray<string>
  readonly response: ReadonlyArray<string>
}

/** Every operation of every service once, in the order of the oldest version that has it. */
const rows: ReadonlyArray<Row> = (() => {
  const found = new Map<string, Map<Version, Service.AnyOperation>>()
  for (const version of versionNames) {
    for (const service of Object.values(versions[version]) as ReadonlyArray<Service.AnyService>) {
      for (const operation of Object.values(service.operations)) {
        const key = `${service.name}.${operation.name}`
        const at = found.get(key) ?? new Map<Version, Service.AnyOperation>()
        at.set(version, operation)
        found.set(key, at)
      }
    }
  }
  return [...found.values()].map((at) => {
    const latest = [...at.values()].at(-1)!
    return {
      service: latest.service,
      operation: latest.name,
      versions: [...at.keys()],
      actions: Object.fromEntries([...at].map(([version, operation]) => [version, operation.action])),
      description: latest.description ?? null,
      request: bodyMembers(latest.request),
      response: bodyMembers(latest.response)
    }
  })
})()

/** Each operation: its name and versions, then what it does and its request's members, indented. */
const text = (): string =>
  rows.map((r) =>
    [
      `${r.service}.${r.operation}  (${r.versions.join(", ")})`,
      ...(r.description === null ? [] : wrap(r.description, "    ")),
      ...wrap(r.request.length === 0 ? "takes nothing" : `takes ${r.request.join(", ")}`, "    ")
    ].join("\n")
  ).join("\n")

/** The table of operations in Markdown, one table per service. */
export const markdown = (): string => {
  const services = [...new Set(rows.map((r) => r.service))]
  return services.map((service) => {
    const ofService = rows.filter((r) => r.service === service)
    // A pipe inside a table cell, code spans included, is written `\|` (GitHub Flavored Markdown).
    const cell = (members: ReadonlyArray<string>) =>
      members.map((member) => `\`${member.replace(/\|/g, "\\|")}\``).join(", ")
    const counts = versionNames.map((version) =>
      `${ofService.filter((r) => r.versions.includes(version)).length} at ${version}`
    ).join(", ")
    const first = ofService[0]!
    const action = first.actions[first.versions[0]!]!.slice(0, -first.operation.length)
      .replace(first.versions[0]!, "<Version>")
    return `**${service}** (${counts}; \`SOAPAction\` \`${action}<Operation>\`)\n\n` +
      `| operation | what it does | versions | request | response |\n| --- | --- | --- | --- | --- |\n${
        ofService.map((r) =>
          `| \`${r.operation}\` | ${(r.description ?? "").replace(/\|/g, "\\|")} | ${
            r.versions.map((v) => v.slice("Services".length)).join(", ")
          } | ${cell(r.request)} | ${cell(r.response)} |`
        ).join("\n")
      }`
  }).join("\n\n")
}

/** Every operation, as text, JSON or Markdown. */
export const operations = ({ format }: OperationsArgs) =>
  Console.log(format === "json" ? JSON.stringify(rows, null, 2) : format === "markdown" ? markdown() : text())
