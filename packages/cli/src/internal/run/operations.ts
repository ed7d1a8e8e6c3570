/**
 * `erpsync operations`: every operation of every service in the registry, with its `SOAPAction` and the
 * members of its request and response bodies.
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import * as Console from "effect/Console"
import type { OperationsArgs } from "../commands.js"
import { everyOperation } from "../registry.js"

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

const row = (operation: Service.AnyOperation) => ({
  service: operation.service,
  operation: operation.name,
  action: operation.action,
  request: bodyMembers(operation.request),
  response: bodyMembers(operation.response)
})

const text = (): string => {
  const rows = everyOperation.map(row)
  const width = Math.max(...rows.map((r) => `${r.service}.${r.operation}`.length))
  return rows.map((r) =>
    `${`${r.service}.${r.operation}`.padEnd(width)}  ${r.action}\n${" ".repeat(width + 2)}(${r.request.join(", ")})`
  ).join("\n")
}

/** The table of operations in Markdown, one table per service. */
export const markdown = (): string => {
  const services = [...new Set(everyOperation.map((o) => o.service))]
  return services.map((service) => {
    const rows = everyOperation.filter((o) => o.service === service).map(row)
    // A pipe inside a table cell, code spans included, is written `\|` (GitHub Flavored Markdown).
    const cell = (members: ReadonlyArray<string>) =>
      members.map((member) => `\`${member.replace(/\|/g, "\\|")}\``).join(", ")
    return `**${service}** (${rows.length} operations; \`SOAPAction\` \`${
      rows[0]!.action.slice(0, -rows[0]!.operation.length)
    }<Operation>\`)\n\n| operation | request | response |\n| --- | --- | --- |\n${
      rows.map((r) => `| \`${r.operation}\` | ${cell(r.request)} | ${cell(r.response)} |`).join("\n")
    }`
  }).join("\n\n")
}

/** Every operation, as text, JSON or Markdown. */
export const operations = ({ format }: OperationsArgs) =>
  Console.log(
    format === "json" ? JSON.stringify(everyOperation.map(row), null, 2) : format === "markdown" ? markdown() : text()
  )
