/**
 * Writes a file's service: its definition (endpoint, namespace, `SOAPAction` prefix and header blocks),
 * its messages, its operations, and the record of its operations, `service`.
 */
import type { FileContext } from "./context.js"
import { docOfKey } from "./docs.js"
import { memberOf, schemaOf } from "./emitTypes.js"
import { fail } from "./failure.js"
import type { ElementDecl, Location, MessageUse, OperationDecl } from "./model.js"
import { jsdoc, literal, propertyKey } from "./names.js"
import { keyOf, type QName } from "./xml.js"

const elementOf = (context: FileContext, name: QName, at: Location): ElementDecl =>
  context.model.elements.get(keyOf(name)) ??
    fail({ ...at, reason: "Missing", detail: `the element ${keyOf(name)} is not declared` })

/** The header block fields of one direction, in the binding's order. */
const headerFields = (context: FileContext, headers: ReadonlyArray<QName>, at: Location): string => {
  if (headers.length > 0) context.codec.add("Soap")
  const namespace = context.model.service.namespace
  return headers.map((name) => {
    const element = elementOf(context, name, at)
    if (element.content.kind !== "type") {
      return fail({ ...element.location, reason: "Unsupported", detail: "a header block of an anonymous type" })
    }
    const schema = schemaOf(context, element.content.type, undefined, element.location)
    const content = element.nillable ? `Schema.NullOr(${schema})` : schema
    const options = name.namespace === namespace ? "" : `, { namespace: ${context.namespace(name.namespace)} }`
    return `    ${propertyKey(name.name)}: Soap.header(${content}${options})`
  }).join(",\n")
}

/** The members of a body element: its anonymous type's, or those of its named struct type. */
const bodyFields = (context: FileContext, body: QName, at: Location): string => {
  const element = elementOf(context, body, at)
  if (element.content.kind === "members") {
    const members = element.content.members
    return members.length === 0 ?
      "{}" :
      `{\n${
        members.map((m) =>
          `  ${propertyKey(m.name)}: ${memberOf(context, m, undefined, body.namespace, element.location)}`
        ).join(",\n")
      }\n}`
  }
  const type = context.declared(element.content.type)
  if (type === undefined || type.kind !== "struct" || context.isRecursive(type.name)) {
    return fail({
      ...element.location,
      reason: "Unsupported",
      detail: "a body element whose type is not a plain struct"
    })
  }
  return `{ ...${context.identifier(type.name, element.location)}.fields }`
}

const sameHeaders = (a: ReadonlyArray<QName>, b: ReadonlyArray<QName>) =>
  a.length === b.length && a.every((name, i) => keyOf(name) === keyOf(b[i]!))

const list = (names: ReadonlyArray<string>): string =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`

/** The service's definition, messages, operations and record. */
/** A doc's first sentence: up to the first full stop followed by a space, or the whole. */
const firstSentence = (doc: string): string => {
  const end = /\.(\s|$)/.exec(doc)
  return end === null ? doc.trim() : doc.slice(0, end.index + 1).trim()
}

export const writeService = (context: FileContext): string => {
  const service = context.model.service
  const operations = service.operations
  const first = operations[0]!
  for (const operation of operations) {
    if (
      !sameHeaders(operation.input.headers, first.input.headers) ||
      !sameHeaders(operation.output.headers, first.output.headers)
    ) {
      return fail({
        ...operation.location,
        reason: "Unsupported",
        detail: `${operation.name}'s header blocks differ from ${first.name}'s (a service's operations share theirs)`
      })
    }
  }
  // The prefix of every `SOAPAction`, when they are all prefix + name (as WCF writes them).
  const prefix = first.action.endsWith(first.name) ? first.action.slice(0, -first.name.length) : ""
  const hasPrefix = operations.every((o) => o.action === prefix + o.name)
  context.codec.add("Service")

  let out = `const definition = Service.define({
  name: ${literal(service.name)},
  endpoint: ${literal(service.endpoint)},
  namespace: ${context.namespace(service.namespace)},${
    context.reuses.length === 0
      ? ""
      : `\n  reuses: [${context.reuses.map((uri) => context.namespace(uri)).join(", ")}],`
  }
  actionPrefix: ${literal(hasPrefix ? prefix : "")},
  requestHeader: {
${headerFields(context, first.input.headers, first.location)}
  },
  responseHeader: {
${headerFields(context, first.output.headers, first.location)}
  }
})
`
  // Messages, each once (SoPrincipal's four logins share one response message), by their first operation.
  const users = new Map<string, Array<string>>()
  for (const operation of operations) {
    for (const use of [operation.input, operation.output]) {
      const names = users.get(use.message) ?? []
      names.push(operation.name)
      users.set(use.message, names)
    }
  }
  const written = new Set<string>()
  const writeMessage = (operation: OperationDecl, use: MessageUse, direction: "request" | "response") => {
    if (written.has(use.message)) return ""
    written.add(use.message)
    const defaultName = direction === "request" ? `${use.body.name}Request` : use.body.name
    const options = use.message === defaultName ? "" : `, { message: ${literal(use.message)} }`
    const ofOperations = list(users.get(use.message)!.map((name) => `\`${name}\``))
    const doc = jsdoc(`The ${direction} of ${ofOperations}: the body element \`${use.body.name}\`.`)
    return `\n${doc}export const ${use.message} = definition.${direction}(${literal(use.body.name)}, ${
      bodyFields(context, use.body, operation.location)
    }${options})\n\n${doc}export interface ${use.message} extends Schema.Schema.Type<typeof ${use.message}> {}\n`
  }
  for (const operation of operations) {
    out += writeMessage(operation, operation.input, "request")
    out += writeMessage(operation, operation.output, "response")
    const binding = context.rest[operation.name]
    const options = [
      ...(hasPrefix ? [] : [`action: ${literal(operation.action)}`]),
      ...(binding === undefined ? [] : [
        `rest: { ${
          binding.body !== undefined
            ? `body: ${literal(binding.body)}`
            : `query: [${(binding.query ?? []).map(literal).join(", ")}]`
        } }`
      ])
    ]
    const documented = docOfKey(context.docs.operations, operation.name)
    if (documented !== undefined) options.push(`description: ${literal(firstSentence(documented))}`)
    const action = options.length === 0 ? "" : `, { ${options.join(", ")} }`
    const doc = jsdoc(documented ?? `The \`${operation.name}\` operation.`)
    out += `\n${doc}export const ${operation.name} = definition.operation(${
      literal(operation.name)
    }, ${operation.input.message}, ${operation.output.message}${action})\n`
  }
  const serviceDoc = context.docs.service ??
    `The \`${service.name}\` service (\`${service.endpoint}\`): its ${operations.length} operations, by name.`
  out += `\n${jsdoc(serviceDoc)}export const service = Service.make(definition, {\n${
    operations.map((o) => `${jsdoc(docOfKey(context.docs.operations, o.name), "  ")}  ${o.name}`).join(",\n")
  }\n})\n`
  return out
}
