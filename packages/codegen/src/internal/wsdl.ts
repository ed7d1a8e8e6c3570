/**
 * Reads a WSDL 1.1 document (as WCF publishes them) into the generator's model: its XML Schema types, and
 * the service of the first SOAP 1.1 port of its first `wsdl:service` (WCF publishes one service per WSDL),
 * with each operation's `SOAPAction`, messages and header blocks.
 */
import { fail, failAt } from "./failure.js"
import type { MessageUse, OperationDecl, ServiceDecl, WsdlModel } from "./model.js"
import { type Context, locationOf, required, requiredQName, unsupported } from "./read.js"
import { readSchemas } from "./schemas.js"
import { childOf, childrenOf, type Element, parseXml, type QName } from "./xml.js"

const WSDL = "http://schemas.xmlsoap.org/wsdl/"
const SOAP = "http://schemas.xmlsoap.org/wsdl/soap/"
const WSAW = "http://www.w3.org/2006/05/addressing/wsdl"

/** The element of each `wsdl:message` part, by message name and part name. */
const readMessages = (context: Context, definitions: Element) => {
  const messages = new Map<string, { readonly element: Element; readonly parts: Map<string, QName> }>()
  for (const message of childrenOf(definitions, WSDL, "message")) {
    const parts = new Map<string, QName>()
    for (const part of childrenOf(message, WSDL, "part")) {
      if (part.attributes.has("type")) unsupported(context, part, "a message part with a type (RPC style)")
      parts.set(required(context, part, "name"), requiredQName(context, part, "element"))
    }
    const name = required(context, message, "name")
    if (messages.has(name)) failAt("Conflict", context.file, message, `two wsdl:messages are named ${name}`)
    messages.set(name, { element: message, parts })
  }
  return messages
}

const byName = (context: Context, definitions: Element, local: string, name: QName): Element =>
  childrenOf(definitions, WSDL, local).find((e) => e.attributes.get("name") === name.name) ??
    fail({
      reason: "Missing",
      file: context.file,
      path: definitions.path,
      detail: `no wsdl:${local} named ${name.name}`
    })

const readService = (context: Context, definitions: Element): ServiceDecl => {
  const messages = readMessages(context, definitions)
  const service = childOf(definitions, WSDL, "service") ??
    failAt("Missing", context.file, definitions, "the WSDL declares no wsdl:service")
  let chosen: { port: Element; binding: Element; address: string } | undefined
  for (const port of childrenOf(service, WSDL, "port")) {
    const binding = byName(context, definitions, "binding", requiredQName(context, port, "binding"))
    const address = childOf(port, SOAP, "address")
    if (childOf(binding, SOAP, "binding") !== undefined && address !== undefined) {
      chosen = { port, binding, address: required(context, address, "location") }
      break
    }
  }
  if (chosen === undefined) {
    failAt("Unsupported", context.file, service, "the service has no SOAP 1.1 port (soap:binding and soap:address)")
  }
  const { address, binding } = chosen!
  const soapBinding = childOf(binding, SOAP, "binding")!
  const defaultStyle = soapBinding.attributes.get("style") ?? "document"
  const portType = byName(context, definitions, "portType", requiredQName(context, binding, "type"))
  const endpoint = address.replace(/[?#].*$/, "").split("/").filter((s) => s !== "").at(-1) ?? ""
  if (endpoint === "") failAt("Malformed", context.file, binding, `no endpoint file in the address ${address}`)

  const messageUse = (
    operation: Element,
    direction: "input" | "output",
    bound: Element
  ): MessageUse => {
    const abstract = childOf(operation, WSDL, direction) ??
      failAt("Unsupported", context.file, operation, `an operation without an ${direction} (one-way)`)
    const messageName = requiredQName(context, abstract, "message").name
    const message = messages.get(messageName) ??
      failAt("Missing", context.file, abstract, `no wsdl:message named ${messageName}`)
    const body = childOf(bound, SOAP, "body") ??
      failAt("Unsupported", context.file, bound, "a message without soap:body")
    if ((body.attributes.get("use") ?? "literal") !== "literal") unsupported(context, body, "an encoded soap:body")
    const headerParts = childrenOf(bound, SOAP, "header").map((header) => {
      if ((header.attributes.get("use") ?? "literal") !== "literal") {
        unsupported(context, header, "an encoded soap:header")
      }
      const headerMessageName = requiredQName(context, header, "message").name
      const headerMessage = messages.get(headerMessageName) ??
        failAt("Missing", context.file, header, `no wsdl:message named ${headerMessageName}`)
      const part = required(context, header, "part")
      return {
        message: headerMessageName,
        part,
        element: headerMessage.parts.get(part) ??
          failAt("Missing", context.file, header, `the message ${headerMessageName} has no part ${part}`)
      }
    })
    const bodyParts = [...message.parts].filter(([part]) =>
      !headerParts.some((h) => h.message === messageName && h.part === part)
    )
    if (bodyParts.length !== 1) {
      failAt(
        "Unsupported",
        context.file,
        message.element,
        `a body of ${bodyParts.length} parts (document/literal wrapped has one)`
      )
    }
    return { message: messageName, body: bodyParts[0]![1], headers: headerParts.map((h) => h.element) }
  }

  const operations: Array<OperationDecl> = []
  for (const bound of childrenOf(binding, WSDL, "operation")) {
    const name = required(context, bound, "name")
    const abstract = childrenOf(portType, WSDL, "operation").find((o) => o.attributes.get("name") === name) ??
      failAt("Missing", context.file, bound, `the port type has no operation ${name}`)
    const soapOperation = childOf(bound, SOAP, "operation")
    if ((soapOperation?.attributes.get("style") ?? defaultStyle) !== "document") {
      unsupported(context, bound, "an RPC-style operation")
    }
    const input = childOf(bound, WSDL, "input") ??
      failAt("Unsupported", context.file, bound, "an operation without input")
    const output = childOf(bound, WSDL, "output") ??
      failAt("Unsupported", context.file, bound, "a one-way operation (no output)")
    const action = soapOperation?.attributes.get("soapAction") ??
      childOf(abstract, WSDL, "input")?.qualified.get(`{${WSAW}}Action`) ?? ""
    operations.push({
      name,
      action,
      input: messageUse(abstract, "input", input),
      output: messageUse(abstract, "output", output),
      location: locationOf(context, bound)
    })
  }
  if (operations.length === 0) failAt("Missing", context.file, binding, "the binding has no operations")
  const actions = new Map<string, string>()
  for (const operation of operations) {
    const other = actions.get(operation.action)
    if (other !== undefined) {
      failAt(
        "Conflict",
        context.file,
        operation.location,
        `${other} and ${operation.name} have the same SOAPAction ${JSON.stringify(operation.action)}`
      )
    }
    actions.set(operation.action, operation.name)
  }
  const namespace = operations[0]!.input.body.namespace
  for (const operation of operations) {
    for (const body of [operation.input.body, operation.output.body]) {
      if (body.namespace !== namespace) {
        failAt(
          "Unsupported",
          context.file,
          operation.location,
          `body elements in two namespaces (${namespace}, ${body.namespace})`
        )
      }
    }
  }
  return { name: required(context, portType, "name"), endpoint, namespace, operations }
}

/** Reads one WSDL document. */
export const readWsdl = (file: string, text: string): WsdlModel => {
  const context: Context = { file }
  const definitions = parseXml(file, text)
  if (definitions.namespace !== WSDL || definitions.local !== "definitions") {
    failAt(
      "Malformed",
      file,
      definitions,
      `the root element is {${definitions.namespace}}${definitions.local}, not wsdl:definitions`
    )
  }
  const { elements, types } = readSchemas(context, definitions)
  return { file, types, elements, service: readService(context, definitions) }
}
