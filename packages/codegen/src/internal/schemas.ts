/**
 * Reads the XML Schemas of a WSDL's `wsdl:types` into the generator's model: structs (sequences and
 * extensions), arrays, .NET dictionaries, enumerations and lists of one, and the top-level elements.
 * Anything else is refused with the construct and where it is, never skipped.
 */
import { failAt } from "./failure.js"
import type { ElementDecl, Location, Member, TypeDecl } from "./model.js"
import { type Context, locationOf, required, requiredQName, unsupported } from "./read.js"
import { childOf, childrenOf, type Element, keyOf, type QName } from "./xml.js"

const WSDL = "http://schemas.xmlsoap.org/wsdl/"
export const XS = "http://www.w3.org/2001/XMLSchema"

/** The namespace of .NET's Serialization schema, whose types the codec provides (`DataContract`). */
export const SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"

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

/** The Data Contract facts an element's `xs:appinfo` gives (`<IsDictionary>`, `<EnumerationValue>`). */
const appinfoOf = (element: Element, local: string): ReadonlyArray<Element> =>
  childrenOf(element, XS, "annotation").flatMap((annotation) =>
    childrenOf(annotation, XS, "appinfo").flatMap((appinfo) =>
      appinfo.children.filter((c) => c.namespace === SERIALIZATION && c.local === local)
    )
  )

/** Whether a complex type's `xs:appinfo` marks it as a .NET dictionary (`<IsDictionary>true</IsDictionary>`). */
const isDictionary = (element: Element): boolean =>
  appinfoOf(element, "IsDictionary").some((c) => c.text.trim() === "true")

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
    namespace: (element.attributes.get("form") ?? (scope.qualified ? "qualified" : "unqualified")) === "qualified"
      ? scope.targetNamespace
      : "",
    minOccurs: occurs(context, element, "minOccurs"),
    maxOccurs: occurs(context, element, "maxOccurs"),
    nillable: ["true", "1"].includes(element.attributes.get("nillable")?.trim() ?? ""),
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

const enumerationFacets = (context: Context, restriction: Element): ReadonlyArray<Element> => {
  const base = requiredQName(context, restriction, "base")
  if (base.namespace !== XS || base.name !== "string") {
    unsupported(context, restriction, `a restriction of ${keyOf(base)}`)
  }
  const facets: Array<Element> = []
  for (const facet of contentOf(restriction)) {
    if (facet.namespace === XS && facet.local === "enumeration") facets.push(facet)
    else unsupported(context, facet, `the facet <xs:${facet.local}>`)
  }
  if (facets.length === 0) unsupported(context, restriction, "a restriction of xs:string without enumerations")
  return facets
}

/** The values a Data Contract `[Flags]` enum's WSDL gives its names (`<EnumerationValue>`), where it does. */
const flagValues = (context: Context, facets: ReadonlyArray<Element>): Readonly<Record<string, number>> => {
  const values: Record<string, number> = {}
  for (const facet of facets) {
    const given = appinfoOf(facet, "EnumerationValue")[0]
    if (given === undefined) continue
    const value = Number(given.text.trim())
    if (!Number.isSafeInteger(value) || value < 0) {
      failAt("Malformed", context.file, given, `EnumerationValue ${given.text.trim()}`)
    }
    values[required(context, facet, "value")] = value
  }
  return values
}

const readSimpleType = (context: Context, scope: SchemaScope, element: Element): TypeDecl => {
  const name = { namespace: scope.targetNamespace, name: required(context, element, "name") }
  const restriction = childOf(element, XS, "restriction")
  if (restriction !== undefined) {
    const values = enumerationFacets(context, restriction).map((facet) => required(context, facet, "value"))
    return { kind: "enumeration", name, values }
  }
  const list = childOf(element, XS, "list")
  const item = list === undefined ? undefined : childOf(list, XS, "simpleType")
  const itemRestriction = item === undefined ? undefined : childOf(item, XS, "restriction")
  if (itemRestriction === undefined) {
    unsupported(context, element, "a simple type other than an enumeration or a list of one")
  }
  const facets = enumerationFacets(context, itemRestriction!)
  return {
    kind: "list",
    name,
    values: facets.map((facet) => required(context, facet, "value")),
    flagValues: flagValues(context, facets)
  }
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

/** The types and top-level elements of every schema of `wsdl:types` (the Serialization schema's are the codec's). */
export const readSchemas = (context: Context, definitions: Element) => {
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
