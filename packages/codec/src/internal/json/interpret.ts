/**
 * The JSON form of a plan, the one SuperOffice's REST WebAPI reads and writes: a struct is an object of its
 * members by their element names (read case-insensitively, unknown ones ignored, as ASP.NET binds them), an
 * array is an array, a dictionary an object of its keys, `null` is written out, and a simple type has its
 * `json` form (a JSON string of its lexical form by default). The same plan as the XML codec's: the same
 * checks and transformations apply.
 */
import { memo } from "../memo.js"
import { setProperty } from "../property.js"
import { type JsonForm, JsonNumberText, type SimpleTypeAnnotation } from "../schema/annotations.js"
import { type ArrayNode, type ComplexNode, defaultOf, type Member, type Node, resolve } from "../schema/plan.js"
import { stringForm } from "./forms.js"
import { JsonObject, type JsonValue, pointer } from "./reader.js"

/** Why a value could not be read or written, and where. */
export class JsonValueFailure {
  constructor(
    readonly reason: "InvalidValue" | "InvalidNull" | "MissingMember" | "DuplicateMember",
    readonly detail: string,
    readonly path: string
  ) {}
}

const formOf: (type: SimpleTypeAnnotation) => JsonForm<unknown> = memo((type: SimpleTypeAnnotation) =>
  type.json ?? stringForm(type.parse, type.format)
)

/** A struct's members' indexes, by their names as the WSDL spells them and in lower case. */
const membersOf: (node: ComplexNode) => {
  readonly exact: ReadonlyMap<string, number>
  readonly lower: ReadonlyMap<string, number>
} = memo((node: ComplexNode) => ({
  exact: new Map(node.members.map((member, i) => [member.name, i])),
  lower: new Map(node.members.map((member, i) => [member.name.toLowerCase(), i]))
}))

// Stryker disable ConditionalExpression,StringLiteral: what a message calls a value, its wording
const kindOf = (json: JsonValue): string =>
  json === null
    ? "null"
    : Array.isArray(json)
    ? "an array"
    : json instanceof JsonObject
    ? "an object"
    : json instanceof JsonNumberText || typeof json === "number"
    ? "a number"
    : typeof json === "string"
    ? "a string"
    : "a boolean"

// Stryker restore ConditionalExpression,StringLiteral

/** Reads a JSON value of `node` (not null: the element's nillability is its parent's to judge). */
export const readValue = (node: Node, json: JsonValue, path: Array<string | number>): unknown => {
  const content = resolve(node)
  switch (content._tag) {
    case "Simple": {
      const result = formOf(content.type).read(json)
      if (!result.ok) throw new JsonValueFailure("InvalidValue", result.message, pointer(path))
      return result.value
    }
    case "Complex": {
      if (!(json instanceof JsonObject)) {
        throw new JsonValueFailure("InvalidValue", `${kindOf(json)} where an object was expected`, pointer(path))
      }
      return readObject(content, json, path)
    }
    case "Array":
      return readArray(content, json, path)
    case "Refine": {
      const value = readValue(content.from, json, path)
      const problem = content.check(value)
      if (problem !== undefined) throw new JsonValueFailure("InvalidValue", problem, pointer(path))
      return value
    }
    case "Transform": {
      const result = content.decode(readValue(content.from, json, path))
      if (!result.ok) throw new JsonValueFailure("InvalidValue", result.message, pointer(path))
      return result.value
    }
  }
}

/** An element's value: `null` where it is nillable. */
const readElement = (
  node: Node,
  nillable: boolean,
  json: JsonValue,
  path: Array<string | number>
): unknown => {
  if (json !== null) return readValue(node, json, path)
  if (nillable) return null
  throw new JsonValueFailure("InvalidNull", "null where the type allows none", pointer(path))
}

const readObject = (node: ComplexNode, json: JsonObject, path: Array<string | number>) => {
  const { exact, lower } = membersOf(node)
  // Where in the object's entries each member's name is, by the member's index.
  // Stryker disable next-line ArrayDeclaration: a size given ahead only; an index past the end reads undefined too
  const found = new Array<number | undefined>(node.members.length)
  const entries = json.entries
  for (let at = 0; at < entries.length; at += 2) {
    const name = entries[at] as string
    const index = exact.get(name) ?? lower.get(name.toLowerCase())
    if (index === undefined) continue
    const earlier = found[index]
    if (earlier !== undefined) {
      throw new JsonValueFailure(
        "DuplicateMember",
        `${JSON.stringify(entries[earlier])} and ${JSON.stringify(name)} are both the member ${
          node.members[index]!.name
        }`,
        pointer(path)
      )
    }
    found[index] = at
  }
  const out: Record<string, unknown> = {}
  for (let i = 0; i < node.members.length; i++) {
    const member = node.members[i]!
    const at = found[i]
    if (at === undefined) {
      if (member.optional) continue
      if (member.minOccurs === 1) {
        throw new JsonValueFailure("MissingMember", `the member ${member.name} is missing`, pointer(path))
      }
      const absent = member.defaultValue ?? defaultOf(member.node, member.nillable)!
      setProperty(out, member.key, absent())
      continue
    }
    path.push(entries[at] as string)
    setProperty(out, member.key, readElement(member.node, member.nillable, entries[at + 1] as JsonValue, path))
    path.pop()
  }
  return out
}

const readArray = (node: ArrayNode, json: JsonValue, path: Array<string | number>): unknown => {
  if (node.dictionary) {
    if (!(json instanceof JsonObject)) {
      throw new JsonValueFailure(
        "InvalidValue",
        `${kindOf(json)} where an object (a dictionary) was expected`,
        pointer(path)
      )
    }
    const pair = resolve(node.item.node) as ComplexNode
    const [key, value] = pair.members as [Member, Member]
    const out: Array<Record<string, unknown>> = []
    for (let at = 0; at < json.entries.length; at += 2) {
      const name = json.entries[at] as string
      const item = json.entries[at + 1] as JsonValue
      path.push(name)
      const entry: Record<string, unknown> = {}
      setProperty(entry, key.key, readValue(key.node, name, path))
      setProperty(entry, value.key, readElement(value.node, value.nillable, item, path))
      path.pop()
      out.push(entry)
    }
    return out
  }
  if (!Array.isArray(json)) {
    throw new JsonValueFailure("InvalidValue", `${kindOf(json)} where an array was expected`, pointer(path))
  }
  const items = json as ReadonlyArray<JsonValue>
  // Stryker disable next-line ArrayDeclaration: as above
  const out = new Array<unknown>(items.length)
  for (let i = 0; i < items.length; i++) {
    path.push(i)
    out[i] = readElement(node.item.node, node.item.nillable, items[i]!, path)
    path.pop()
  }
  return out
}

/** Writes a value of `node` as JSON text into `out` (not null: see `writeElement`). */
export const writeValue = (node: Node, value: unknown, path: Array<string | number>, out: Array<string>): void => {
  const content = resolve(node)
  switch (content._tag) {
    case "Simple": {
      const result = formOf(content.type).write(value)
      if (!result.ok) throw new JsonValueFailure("InvalidValue", result.message, pointer(path))
      out.push(result.value)
      return
    }
    case "Complex": {
      // Stryker disable next-line ConditionalExpression: null never comes here (writeElement and writeRoot take it, and a transformation's result meets its wire schema)
      if (typeof value !== "object" || value === null) {
        throw new JsonValueFailure("InvalidValue", `${String(value)} is not a struct`, pointer(path))
      }
      const struct = value as Record<string, unknown>
      out.push("{")
      let first = true
      for (const member of content.members) {
        const memberValue = Object.hasOwn(struct, member.key) ? struct[member.key] : undefined
        // Left out, a member that may be absent is written as absent: it decodes to its default.
        if (memberValue === undefined && member.minOccurs === 0) continue
        out.push(first ? `${JSON.stringify(member.name)}:` : `,${JSON.stringify(member.name)}:`)
        first = false
        path.push(member.name)
        writeElement(member.node, member.nillable, memberValue, path, out)
        path.pop()
      }
      out.push("}")
      return
    }
    case "Array":
      return writeArray(content, value, path, out)
    case "Refine": {
      const problem = content.check(value)
      if (problem !== undefined) throw new JsonValueFailure("InvalidValue", problem, pointer(path))
      return writeValue(content.from, value, path, out)
    }
    case "Transform": {
      const result = content.encode(value)
      // Stryker disable next-line ConditionalExpression: the value a refusal leaves (undefined) is refused below as well, at the same place; this words it
      if (!result.ok) throw new JsonValueFailure("InvalidValue", result.message, pointer(path))
      return writeValue(content.from, result.value, path, out)
    }
  }
}

/** An element's value, `null` written out where it is nillable. */
const writeElement = (
  node: Node,
  nillable: boolean,
  value: unknown,
  path: Array<string | number>,
  out: Array<string>
): void => {
  if (value !== null) return writeValue(node, value, path, out)
  if (!nillable) throw new JsonValueFailure("InvalidNull", "null where the type allows none", pointer(path))
  out.push("null")
}

const writeArray = (node: ArrayNode, value: unknown, path: Array<string | number>, out: Array<string>): void => {
  if (!Array.isArray(value)) {
    throw new JsonValueFailure("InvalidValue", `${String(value)} is not an array`, pointer(path))
  }
  const items = value as ReadonlyArray<unknown>
  if (node.dictionary) {
    const pair = resolve(node.item.node) as ComplexNode
    const [key, entry] = pair.members as [Member, Member]
    out.push("{")
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Record<string, unknown> | null
      path.push(i)
      const name = item?.[key.key]
      if (typeof name !== "string") {
        throw new JsonValueFailure("InvalidValue", "a dictionary's key in JSON must be a string", pointer(path))
      }
      out.push(i === 0 ? `${JSON.stringify(name)}:` : `,${JSON.stringify(name)}:`)
      writeElement(entry.node, entry.nillable, item![entry.key], path, out)
      path.pop()
    }
    out.push("}")
    return
  }
  out.push("[")
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(",")
    path.push(i)
    writeElement(node.item.node, node.item.nillable, items[i], path, out)
    path.pop()
  }
  out.push("]")
}

/** A whole value: `null` where `nillable`. */
export const writeRoot = (node: Node, nillable: boolean, value: unknown): string => {
  const out: Array<string> = []
  writeElement(node, nillable, value, [], out)
  return out.join("")
}

/** Reads a whole value: `null` where `nillable`. */
export const readRoot = (node: Node, nillable: boolean, json: JsonValue): unknown =>
  readElement(node, nillable, json, [])
