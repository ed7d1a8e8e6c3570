/**
 * Values as node-soap takes and gives them, converted from the JSON form of our messages by walking the
 * codec's description of a message: a struct is an object of its members, an array (or dictionary) an
 * object holding its items under the item element's name, an `xs:list` a space-separated string.
 */
import type { XmlCodec } from "@erpsync/codec"

type Description = XmlCodec.Description
type TypeDescription = XmlCodec.TypeDescription

const sequenceOf = (description: Description, type: TypeDescription) =>
  type.kind === "complex"
    ? type.sequence ?? description.types.get(`{${type.name.namespace}}${type.name.name}`) ?? []
    : []

/** The item element of an array type, if `type` is one. */
const itemOf = (description: Description, type: TypeDescription) => {
  const sequence = sequenceOf(description, type)
  return sequence.length === 1 && sequence[0]!.maxOccurs === "unbounded" ? sequence[0]! : undefined
}

/** A value of `type`, in its JSON form, as node-soap's object. */
export const toNodeSoap = (description: Description, type: TypeDescription, json: unknown): unknown => {
  if (json === null) return null
  if (type.kind === "simple") return Array.isArray(json) ? json.join(" ") : json
  const item = itemOf(description, type)
  if (item !== undefined) {
    return { [item.name]: (json as ReadonlyArray<unknown>).map((v) => toNodeSoap(description, item.type, v)) }
  }
  const out: Record<string, unknown> = {}
  for (const member of sequenceOf(description, type)) {
    out[member.name] = toNodeSoap(description, member.type, (json as Record<string, unknown>)[member.name])
  }
  return out
}

/** The body of a message, in its JSON form, as node-soap's object. */
export const bodyToNodeSoap = (description: Description, json: unknown): unknown =>
  toNodeSoap(description, description.elements[0]!.type, json)

/**
 * A value in its JSON form without the null items of its arrays (at any depth), walking the description
 * as `toNodeSoap` does. node-soap writes a null item as an empty element, not as `xsi:nil`.
 */
export const withoutNullItems = (description: Description, type: TypeDescription, json: unknown): unknown => {
  if (json === null || type.kind === "simple") return json
  const item = itemOf(description, type)
  if (item !== undefined) {
    return (json as ReadonlyArray<unknown>).filter((v) => v !== null).map((v) =>
      withoutNullItems(description, item.type, v)
    )
  }
  const out: Record<string, unknown> = {}
  for (const member of sequenceOf(description, type)) {
    out[member.name] = withoutNullItems(description, member.type, (json as Record<string, unknown>)[member.name])
  }
  return out
}

const isDictionaryPair = (description: Description, type: TypeDescription): boolean => {
  const members = sequenceOf(description, type)
  return members.length === 2 && members[0]!.name === "Key" && members[1]!.name === "Value"
}

/**
 * What a node-soap server is given to answer with, and the value our decoder reads from its answer, for a
 * value in its JSON form. node-soap's server writes every null as `xsi:nil` without declaring the `xsi`
 * prefix (XML our decoder refuses), so null members are left out (an absent nillable member reads as
 * null), and null array items and dictionary pairs with a null key or value are dropped; it writes the items of
 * `ArrayOfint` and `ArrayOfstring` in the service's namespace instead of the Arrays namespace, so that our
 * decoder skips them as unknown elements and reads an empty array.
 */
export const forNodeSoapServer = (
  description: Description,
  type: TypeDescription,
  json: unknown,
  parentNamespace: string
): { readonly given: unknown; readonly read: unknown } => {
  if (type.kind === "simple") return { given: Array.isArray(json) ? json.join(" ") : json, read: json }
  const item = itemOf(description, type)
  if (item !== undefined) {
    const kept = (json as ReadonlyArray<unknown>).filter((v) =>
      v !== null &&
      !(isDictionaryPair(description, item.type) &&
        ((v as { Key: unknown }).Key === null || (v as { Value: unknown }).Value === null))
    )
    const items = kept.map((v) => forNodeSoapServer(description, item.type, v, item.namespace))
    return {
      given: { [item.name]: items.map((i) => i.given) },
      read: item.namespace === parentNamespace ? items.map((i) => i.read) : []
    }
  }
  const given: Record<string, unknown> = {}
  const read: Record<string, unknown> = {}
  for (const member of sequenceOf(description, type)) {
    const value = (json as Record<string, unknown>)[member.name]
    if (value === null) {
      read[member.name] = null
      continue
    }
    const converted = forNodeSoapServer(description, member.type, value, member.namespace)
    given[member.name] = converted.given
    read[member.name] = converted.read
  }
  return { given, read }
}
