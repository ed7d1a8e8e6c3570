/**
 * Reads a WSDL 1.1 document (as WCF publishes them) into the generator's model: the XML Schema types in
 * the forms the codec has, the top-level elements, and the service of its first SOAP 1.1 port. Anything
 * else is refused with the construct and where it is, never skipped.
 */
import { fail, failAt } from "./failure.js"
import type {
  ElementDecl,
  Location,
  Member,
  MessageUse,
  OperationDecl,
  ServiceDecl,
  TypeDecl,
  WsdlModel
} from "./model.js"
import { childOf, childrenOf, type Element, keyOf, parseXml, type QName } from "./xml.js"

const WSDL = "http://schemas.xmlsoap.org/wsdl/"
const SOAP = "http://schemas.xmlsoap.org/wsdl/soap/"
const XS = "http://www.w3.org/2001/XMLSchema"
const WSAW = "http://www.w3.org/2006/05/addressing/wsdl"

/** The namespace of .NET's Serialization schema, whose types the codec provides (`DataContract`). */
export const SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"

interface Context {
  readonly file: string
}

const locationOf = (context: Context, element: Element): Location => ({
  file: context.file,
  path: element.path,
  line: element.line,
  column: element.column
})

const required = (context: Context, element: Element, attribute: string): string =>
  element.attributes.get(attribute) ??
    failAt("Malformed", context.file, element, `<${element.local}> has no ${attribute} attribute`)

const requiredQName = (context: Context, element: Element, attribute: string): QName =>
  element.qname(attribute) ??
    failAt("Malformed", context.file, element, `<${element.local}> has no ${attribute} attribute`)

const unsupported = (context: Context, element: Element, what: string): never =>
  failAt("Unsupported", context.file, element, `${what} has no form in the codec`)

/** The XML Schema children that carry meaning (annotations are documentation). */
const contentOf = (element: Element): ReadonlyArray<Element> =>
  element.children.filter((c) => !(c.namespace === XS && c.local === "annotation"))

const occurs = (context: Context, element: Element, attribute: "minOccurs" | "maxOccurs"): number => {
  const value = element.attributes.get(attribute)
  if (value === undefined) return 1
  if (value === "unbounded") return Number.POSITIVE_INFINITY
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 ? n : failAt("Malformed", context.file, element, `${attribute}="${value}"`)
}

/** Whether a complex type's `xs:appinfo` marks it as a .NET dictionary (`<IsDictionary>true</IsDictionary>`). */
const isDictionary = (element: Element): boolean =>
  childrenOf(element, XS, "annotation").some((annotation) =>
    childrenOf(annotation, XS, "appinfo").some((appinfo) =>
      appinfo.children.some((c) =>
        c.namespace === SERIALIZATION && c.local === "IsDictionary" && c.text.trim() === "true"
      )
    )
  )

interface SchemaScope {
  readonly targetNamespace: string
  readonly qualified: boolean
}

/** A local element of a sequence: its name, occurrences, nillability, and named or anonymous type. */
interface LocalElement {
  readonly element: Element
  readonly name: string
  readonly namespace: string
  readonly minOccurs: number
  readonly maxOccurs: number
  readonly nillable: boolean
  readonly type: QName | undefined
  readonly anonymous: Element | undefined
}

const readLocalElement = (context: Context, scope: SchemaScope, element: Element): LocalElement => {
  if (element.attributes.has("ref")) unsupported(context, element, "an element reference (ref)")
  const anonymous = childOf(element, XS, "complexType")
  if (childOf(element, XS, "simpleType") !== undefined) unsupported(context, element, "an anonymous simple type")
  const type = element.qname("type")
  if (type === undefined && anonymous === undefined) {
    failAt("Unsupported", context.file, element, `element ${element.attributes.get("name")} has no type`)
  }
  return {
    element,
    name: required(context, element, "name"),
    namespace: scope.qualified || element.attributes.get("form") === "qualified" ? scope.targetNamespace : "",
    minOccurs: occurs(context, element, "minOccurs"),
    maxOccurs: occurs(context, element, "maxOccurs"),
    nillable: element.attributes.get("nillable") === "true",
    type,
    anonymous
  }
}

/** The elements of a complex type's `xs:sequence` (an absent sequence is an empty one). */
const readSequence = (context: Context, scope: SchemaScope, holder: Element): ReadonlyArray<LocalElement> => {
  const content = contentOf(holder)
  const out: Array<LocalElement> = []
  for (const child of content) {
    if (child.namespace !== XS) continue
    if (child.local === "sequence") {
      if (child.attributes.has("maxOccurs") || child.attributes.has("minOccurs")) {
        unsupported(context, child, "a sequence with minOccurs or maxOccurs")
      }
      for (const item of contentOf(child)) {
        if (item.namespace === XS && item.local === "element") out.push(readLocalElement(context, scope, item))
        else unsupported(context, item, `<xs:${item.local}> inside a sequence`)
      }
    } else if (child.local === "attribute" || child.local === "attributeGroup" || child.local === "anyAttribute") {
      unsupported(context, child, "an attribute")
    } else if (child.local !== "complexContent") {
      unsupported(context, child, `<xs:${child.local}>`)
    }
  }
  return out
}

const memberOf = (context: Context, local: LocalElement): Member => {
  if (local.maxOccurs !== 1) {
    unsupported(context, local.element, `a repeated element (${local.name}, maxOccurs ≠ 1) among other members`)
  }
  if (local.minOccurs > 1) unsupported(context, local.element, `minOccurs=${local.minOccurs}`)
  if (local.type === undefined) unsupported(context, local.element, `an anonymous complex type (${local.name})`)
  return {
    name: local.name,
    namespace: local.namespace,
    minOccurs: local.minOccurs === 0 ? 0 : 1,
    nillable: local.nillable,
    type: local.type!
  }
}

const readComplexType = (context: Context, scope: SchemaScope, element: Element): TypeDecl => {
  const name = { namespace: scope.targetNamespace, name: required(context, element, "name") }
  if (element.attributes.get("mixed") === "true") unsupported(context, element, "mixed content")
  const complexContent = childOf(element, XS, "complexContent")
  if (childOf(element, XS, "simpleContent") !== undefined) unsupported(context, element, "simple content")
  if (complexContent !== undefined) {
    if (complexContent.attributes.get("mixed") === "true") unsupported(context, complexContent, "mixed content")
    const extension = childOf(complexContent, XS, "extension")
    if (extension === undefined) unsupported(context, complexContent, "a complex content restriction")
    const members = readSequence(context, scope, extension!).map((local) => memberOf(context, local))
    return { kind: "struct", name, base: requiredQName(context, extension!, "base"), members }
  }
  const sequence = readSequence(context, scope, element)
  const only = sequence.length === 1 ? sequence[0]! : undefined
  if (only !== undefined && only.maxOccurs > 1) {
    if (only.minOccurs !== 0) unsupported(context, only.element, `an item element with minOccurs=${only.minOccurs}`)
    if (isDictionary(element)) {
      const pair = only.anonymous
      if (pair === undefined) unsupported(context, only.element, "a dictionary whose pairs have a named type")
      const [key, value, ...rest] = readSequence(context, scope, pair!)
      if (key?.name !== "Key" || value?.name !== "Value" || rest.length > 0 || key.type === undefined) {
        unsupported(context, pair!, "a dictionary pair other than a Key and a Value")
      }
      if (value!.type === undefined || !value!.nillable || key!.minOccurs !== 1 || value!.minOccurs !== 1) {
        unsupported(context, pair!, "a dictionary whose Value is not a required, nillable element of a named type")
      }
      return {
        kind: "dictionary",
        name,
        pair: { namespace: only.namespace, name: only.name },
        key: key!.type!,
        keyNillable: key!.nillable,
        value: value!.type!
      }
    }
    if (only.type === undefined) unsupported(context, only.element, "an item element of an anonymous type")
    return {
      kind: "array",
      name,
      item: { name: only.name, namespace: only.namespace, nillable: only.nillable, type: only.type! }
    }
  }
  return { kind: "struct", name, base: undefined, members: sequence.map((local) => memberOf(context, local)) }
}

const enumerationValues = (context: Context, restriction: Element): ReadonlyArray<string> => {
  const base = requiredQName(context, restriction, "base")
  if (base.namespace !== XS || base.name !== "string") {
    unsupported(context, restriction, `a restriction of ${keyOf(base)}`)
  }
  const values: Array<string> = []
  for (const facet of contentOf(restriction)) {
    if (facet.namespace === XS && facet.local === "enumeration") values.push(required(context, facet, "value"))
    else unsupported(context, facet, `the facet <xs:${facet.local}>`)
  }
  if (values.length === 0) unsupported(context, restriction, "a restriction of xs:string without enumerations")
  return values
}

const readSimpleType = (context: Context, scope: SchemaScope, element: Element): TypeDecl => {
  const name = { namespace: scope.targetNamespace, name: required(context, element, "name") }
  const restriction = childOf(element, XS, "restriction")
  if (restriction !== undefined) return { kind: "enumeration", name, values: enumerationValues(context, restriction) }
  const list = childOf(element, XS, "list")
  const item = list === undefined ? undefined : childOf(list, XS, "simpleType")
  const itemRestriction = item === undefined ? undefined : childOf(item, XS, "restriction")
  if (itemRestriction === undefined) {
    unsupported(context, element, "a simple type other than an enumeration or a list of one")
  }
  return { kind: "list", name, values: enumerationValues(context, itemRestriction!) }
}

const readTopLevelElement = (context: Context, scope: SchemaScope, element: Element): ElementDecl => {
  const local = readLocalElement(context, scope, element)
  const name = { namespace: scope.targetNamespace, name: local.name }
  if (local.type !== undefined) {
    return {
      name,
      nillable: local.nillable,
      content: { kind: "type", type: local.type },
      location: locationOf(context, element)
    }
  }
  const anonymous = local.anonymous!
  if (childOf(anonymous, XS, "complexContent") !== undefined) {
    unsupported(context, anonymous, "an anonymous complex type with complex content")
  }
  const members = readSequence(context, scope, anonymous).map((m) => memberOf(context, m))
  return {
    name,
    nillable: local.nillable,
    content: { kind: "members", members },
    location: locationOf(context, element)
  }
}

const readSchemas = (context: Context, definitions: Element) => {
  const types = new Map<string, TypeDecl & { readonly location: Location }>()
  const elements = new Map<string, ElementDecl>()
  const typesElement = childOf(definitions, WSDL, "types")
  for (const schema of typesElement === undefined ? [] : childrenOf(typesElement, XS, "schema")) {
    const targetNamespace = schema.attributes.get("targetNamespace") ?? ""
    // The Serialization schema declares .NET's built-ins, which the codec provides.
    if (targetNamespace === SERIALIZATION) continue
    const scope = { targetNamespace, qualified: schema.attributes.get("elementFormDefault") === "qualified" }
    for (const child of contentOf(schema)) {
      if (child.namespace !== XS) continue
      const add = <V>(map: Map<string, V>, key: string, value: V, what: string) => {
        if (map.has(key)) failAt("Conflict", context.file, child, `the ${what} ${key} is declared twice`)
        map.set(key, value)
      }
      switch (child.local) {
        case "import":
          break
        case "complexType": {
          const decl = readComplexType(context, scope, child)
          add(types, keyOf(decl.name), { ...decl, location: locationOf(context, child) }, "type")
          break
        }
        case "simpleType": {
          const decl = readSimpleType(context, scope, child)
          add(types, keyOf(decl.name), { ...decl, location: locationOf(context, child) }, "type")
          break
        }
        case "element": {
          const decl = readTopLevelElement(context, scope, child)
          add(elements, keyOf(decl.name), decl, "element")
          break
        }
        default:
          unsupported(context, child, `a top-level <xs:${child.local}>`)
      }
    }
  }
  return { types, elements }
}

/** The element of each `wsdl:message` part, by message name and part name. */
const readMessages = (context: Context, definitions: Element) => {
  const messages = new Map<string, { readonly element: Element; readonly parts: Map<string, QName> }>()
  for (const message of childrenOf(definitions, WSDL, "message")) {
    const parts = new Map<string, QName>()
    for (const part of childrenOf(message, WSDL, "part")) {
      if (part.attributes.has("type")) unsupported(context, part, "a message part with a type (RPC style)")
      parts.set(required(context, part, "name"), requiredQName(context, part, "element"))
    }
    messages.set(required(context, message, "name"), { element: message, parts })
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
