/**
 * The XML Schemas of a WSDL, read into elements and complex types with every QName resolved, and a
 * comparison of the codec's description of a message with them.
 */
import type { XmlCodec } from "@erpsync/codec"
import { SaxesParser } from "saxes"
import { readReference } from "./reference.js"

const XS = "http://www.w3.org/2001/XMLSchema"

interface QName {
  readonly namespace: string
  readonly name: string
}

export interface WsdlElement extends QName {
  readonly minOccurs: number
  readonly maxOccurs: number | "unbounded"
  readonly nillable: boolean
  readonly type: { readonly kind: "named"; readonly name: QName } | {
    readonly kind: "anonymous"
    readonly sequence: Array<WsdlElement>
  }
}

/** A named simple type: an enumeration, a list of one, or a restriction of another simple type. */
export type WsdlSimpleType =
  | { readonly kind: "enumeration"; readonly values: ReadonlyArray<string> }
  | { readonly kind: "list"; readonly values: ReadonlyArray<string> }
  | { readonly kind: "restriction"; readonly base: QName }

export interface WsdlSchemas {
  readonly elements: Map<string, WsdlElement>
  readonly complexTypes: Map<string, Array<WsdlElement>>
  readonly simpleTypes: Map<string, WsdlSimpleType>
  /** Top-level attribute declarations, by `{namespace}name`. */
  readonly attributes: Set<string>
}

const key = (name: QName) => `{${name.namespace}}${name.name}`

interface Raw {
  readonly local: string
  readonly attributes: Record<string, string>
  readonly qnames: Record<string, QName>
  readonly targetNamespace: string
  readonly children: Array<Raw>
}

/** Reads the `xs:schema` elements of a WSDL file of the reference folder. */
export const readWsdl = (file: string): WsdlSchemas => {
  const parser = new SaxesParser({ xmlns: true })
  const stack: Array<Raw> = []
  const schemas: Array<Raw> = []
  let target = ""
  parser.on("opentag", (tag) => {
    if (tag.uri !== XS) {
      stack.push({ local: "(other)", attributes: {}, qnames: {}, targetNamespace: target, children: [] })
      return
    }
    const attributes: Record<string, string> = {}
    const qnames: Record<string, QName> = {}
    for (const attribute of Object.values(tag.attributes)) {
      attributes[attribute.local] = attribute.value
      if (attribute.local === "type" || attribute.local === "base") {
        const [prefix, local] = attribute.value.includes(":") ? attribute.value.split(":") : ["", attribute.value]
        qnames[attribute.local] = { namespace: parser.resolve(prefix!) ?? "", name: local! }
      }
    }
    if (tag.local === "schema") target = attributes["targetNamespace"] ?? ""
    const raw: Raw = { local: tag.local, attributes, qnames, targetNamespace: target, children: [] }
    stack[stack.length - 1]?.children.push(raw)
    if (tag.local === "schema") schemas.push(raw)
    stack.push(raw)
  })
  parser.on("closetag", () => void stack.pop())
  parser.write(readReference(file)).close()

  const complexTypes = new Map<string, Array<WsdlElement>>()
  const elements = new Map<string, WsdlElement>()
  const pending = new Map<string, Raw>()
  for (const schema of schemas) {
    for (const child of schema.children) {
      if (child.local === "complexType") {
        pending.set(key({ namespace: schema.targetNamespace, name: child.attributes["name"]! }), child)
      }
    }
  }
  const sequenceOf = (complexType: Raw): Array<WsdlElement> => {
    const out: Array<WsdlElement> = []
    for (const child of complexType.children) {
      if (child.local === "sequence") out.push(...child.children.filter((c) => c.local === "element").map(elementOf))
      if (child.local === "complexContent") {
        const extension = child.children.find((c) => c.local === "extension")!
        out.push(...typeSequence(extension.qnames["base"]!))
        out.push(...sequenceOf(extension))
      }
    }
    return out
  }
  const typeSequence = (name: QName): Array<WsdlElement> => {
    const cached = complexTypes.get(key(name))
    if (cached !== undefined) return cached
    const raw = pending.get(key(name))
    if (raw === undefined) return []
    const sequence: Array<WsdlElement> = []
    complexTypes.set(key(name), sequence)
    sequence.push(...sequenceOf(raw))
    return sequence
  }
  const elementOf = (raw: Raw): WsdlElement => {
    const anonymous = raw.children.find((c) => c.local === "complexType")
    return {
      name: raw.attributes["name"]!,
      namespace: raw.targetNamespace,
      minOccurs: raw.attributes["minOccurs"] === undefined ? 1 : Number(raw.attributes["minOccurs"]),
      maxOccurs: raw.attributes["maxOccurs"] === "unbounded" ? "unbounded" : Number(raw.attributes["maxOccurs"] ?? 1),
      nillable: raw.attributes["nillable"] === "true",
      type: anonymous === undefined
        ? { kind: "named", name: raw.qnames["type"]! }
        : { kind: "anonymous", sequence: sequenceOf(anonymous) }
    }
  }
  for (const name of pending.keys()) {
    const [, namespace, local] = /^\{(.*)\}(.*)$/.exec(name)!
    typeSequence({ namespace: namespace!, name: local! })
  }
  const simpleTypes = new Map<string, WsdlSimpleType>()
  const attributes = new Set<string>()
  const enumerations = (restriction: Raw) =>
    restriction.children.filter((c) => c.local === "enumeration").map((c) => c.attributes["value"]!)
  for (const schema of schemas) {
    for (const child of schema.children) {
      const name = { namespace: schema.targetNamespace, name: child.attributes["name"] ?? "" }
      if (child.local === "element") {
        const element = elementOf(child)
        elements.set(key(element), element)
      } else if (child.local === "attribute") {
        attributes.add(key(name))
      } else if (child.local === "simpleType") {
        const restriction = child.children.find((c) => c.local === "restriction")
        const list = child.children.find((c) => c.local === "list")
        const item = list?.children.find((c) => c.local === "simpleType")?.children.find((c) =>
          c.local === "restriction"
        )
        simpleTypes.set(
          key(name),
          item !== undefined
            ? { kind: "list", values: enumerations(item) }
            : enumerations(restriction!).length > 0
            ? { kind: "enumeration", values: enumerations(restriction!) }
            : { kind: "restriction", base: restriction!.qnames["base"]! }
        )
      }
    }
  }
  return { elements, complexTypes, simpleTypes, attributes }
}

const show = (name: QName) => `{${name.namespace}}${name.name}`

/**
 * Compares a message as the codec describes it with the WSDL: element names in order, namespaces,
 * `minOccurs`, `maxOccurs`, `nillable` and types. Gives one line per difference, naming the type and the
 * element, and the names of the complex types it compared.
 */
export const compareWithWsdl = (
  description: XmlCodec.Description,
  wsdl: WsdlSchemas,
  options: {
    /** The top-level elements are the WSDL's global element of a type, which WCF declares nillable. */
    readonly rootNillable?: boolean
  } = {}
): { readonly differences: Array<string>; readonly compared: Set<string> } => {
  const differences: Array<string> = []
  const compared = new Set<string>()

  const compareSequences = (
    where: string,
    ours: ReadonlyArray<XmlCodec.ElementDescription>,
    theirs: ReadonlyArray<WsdlElement>
  ) => {
    const length = Math.max(ours.length, theirs.length)
    for (let i = 0; i < length; i++) {
      const o = ours[i]
      const t = theirs[i]
      if (o === undefined || t === undefined) {
        differences.push(
          `${where}: element ${i + 1} is ${o?.name ?? "missing"} here, ${t?.name ?? "missing"} in the WSDL`
        )
        continue
      }
      compareElements(`${where}/${t.name}`, o, t, true)
    }
  }

  const compareTypes = (where: string, ours: XmlCodec.TypeDescription, theirs: WsdlElement["type"]) => {
    if (ours.kind === "simple") {
      if (theirs.kind !== "named" || show(theirs.name) !== show(ours.name)) {
        differences.push(
          `${where}: type ${show(ours.name)} here, ${
            theirs.kind === "named" ? show(theirs.name) : "an anonymous complex type"
          } in the WSDL`
        )
      }
      return
    }
    const ourSequence = ours.name === undefined ? ours.sequence : description.types.get(show(ours.name))!
    if (ours.name !== undefined) compared.add(show(ours.name))
    if (theirs.kind === "named") {
      if (ours.name !== undefined && show(ours.name) !== show(theirs.name)) {
        differences.push(`${where}: type ${show(ours.name)} here, ${show(theirs.name)} in the WSDL`)
        return
      }
      const theirSequence = wsdl.complexTypes.get(show(theirs.name))
      if (theirSequence === undefined) {
        differences.push(`${where}: the WSDL has no complex type ${show(theirs.name)}`)
        return
      }
      if (ours.name === undefined || !visited.has(show(ours.name))) {
        if (ours.name !== undefined) visited.add(show(ours.name))
        compareSequences(`${theirs.name.name}`, ourSequence, theirSequence)
      }
      return
    }
    compareSequences(where, ourSequence, theirs.sequence)
  }

  const compareElements = (
    where: string,
    ours: XmlCodec.ElementDescription,
    theirs: WsdlElement,
    inSequence: boolean
  ) => {
    if (ours.name !== theirs.name) differences.push(`${where}: named ${ours.name} here, ${theirs.name} in the WSDL`)
    if (ours.namespace !== theirs.namespace) {
      differences.push(`${where}: namespace ${ours.namespace} here, ${theirs.namespace} in the WSDL`)
    }
    if (inSequence && ours.minOccurs !== theirs.minOccurs) {
      differences.push(`${where}: minOccurs ${ours.minOccurs} here, ${theirs.minOccurs} in the WSDL`)
    }
    if (inSequence && ours.maxOccurs !== theirs.maxOccurs) {
      differences.push(`${where}: maxOccurs ${ours.maxOccurs} here, ${theirs.maxOccurs} in the WSDL`)
    }
    if (ours.nillable !== theirs.nillable) {
      differences.push(`${where}: nillable ${ours.nillable} here, ${theirs.nillable} in the WSDL`)
    }
    compareTypes(where, ours.type, theirs.type)
  }

  const visited = new Set<string>()
  for (const element of description.elements) {
    const theirs = wsdl.elements.get(show(element))
    if (theirs === undefined) {
      differences.push(`${element.name}: the WSDL declares no element ${show(element)}`)
      continue
    }
    compareElements(
      element.name,
      options.rootNillable === true ? { ...element, nillable: true } : element,
      theirs,
      false
    )
  }
  return { differences, compared }
}
