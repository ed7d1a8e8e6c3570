/**
 * Writes the declarations of a file's types: each a schema and a TypeScript type of the same name, in an
 * order where every type comes after those it uses. A recursive group of types gets its TypeScript types
 * written out (TypeScript cannot infer them) and refers to itself through `Schema.suspend`.
 */
import type { FileContext, Located } from "./context.js"
import { docOfKey } from "./docs.js"
import { fail } from "./failure.js"
import type { Location, Member, StructType } from "./model.js"
import { interfaceKey, jsdoc, literal, propertyKey } from "./names.js"
import { keyOf, type QName } from "./xml.js"

/** The types a declaration uses. */
export const dependencies = (decl: Located): ReadonlyArray<QName> => {
  switch (decl.kind) {
    case "struct":
      return [...(decl.base === undefined ? [] : [decl.base]), ...decl.members.map((m) => m.type)]
    case "array":
      return [decl.item.type]
    case "dictionary":
      return [decl.key, decl.value]
    case "enumeration":
    case "list":
      return []
  }
}

/**
 * The file's types grouped into strongly connected components (Tarjan), each after those it depends on;
 * ties keep document order. Groups of more than one type, or of one that uses itself, are recursive.
 */
const order = (context: FileContext): ReadonlyArray<ReadonlyArray<Located>> => {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: Array<string> = []
  const groups: Array<Array<Located>> = []
  const position = new Map([...context.local.keys()].map((key, i) => [key, i]))
  const visit = (key: string): void => {
    index.set(key, index.size)
    low.set(key, index.get(key)!)
    stack.push(key)
    onStack.add(key)
    for (const dependency of dependencies(context.local.get(key)!)) {
      const next = keyOf(dependency)
      if (!context.local.has(next)) continue
      if (!index.has(next)) {
        visit(next)
        low.set(key, Math.min(low.get(key)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(key, Math.min(low.get(key)!, index.get(next)!))
      }
    }
    if (low.get(key) === index.get(key)) {
      const group: Array<Located> = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        group.push(context.local.get(member)!)
      } while (member !== key)
      group.sort((a, b) => position.get(keyOf(a.name))! - position.get(keyOf(b.name))!)
      groups.push(group)
    }
  }
  for (const key of context.local.keys()) if (!index.has(key)) visit(key)
  return groups
}

/** The schema expression of a type used by `from`. */
export const schemaOf = (context: FileContext, type: QName, from: QName | undefined, at: Location): string => {
  const builtin = context.builtin(type, at)
  if (builtin !== undefined) return builtin.expression
  const name = context.identifier(type, at)
  if (from !== undefined && context.sameGroup(type, from)) {
    return `Schema.suspend((): Schema.Codec<${name}, ${name}Encoded> => ${name})`
  }
  return name
}

/** The TypeScript type of a type's values (or of its encoded form). */
const typeOf = (context: FileContext, type: QName, encoded: boolean, at: Location): string => {
  const builtin = context.builtin(type, at, true)
  if (builtin !== undefined) return encoded ? builtin.encoded : builtin.type
  if (!encoded) return context.identifier(type, at)
  return context.isRecursive(type)
    ? context.identifier(type, at, "Encoded")
    : `Schema.Codec.Encoded<typeof ${context.identifier(type, at)}>`
}

/** The schema of an element's content: nillable as `Schema.NullOr`. */
const contentOf = (context: FileContext, member: Omit<Member, "minOccurs">, from: QName | undefined, at: Location) => {
  const schema = schemaOf(context, member.type, from, at)
  return member.nillable ? `Schema.NullOr(${schema})` : schema
}

/** One struct member: `Xml.optionalElement` for `minOccurs="0"`, with its namespace when not the struct's. */
export const memberOf = (
  context: FileContext,
  member: Member,
  struct: QName | undefined,
  namespace: string,
  at: Location
): string => {
  const content = contentOf(context, member, struct, at)
  context.codec.add("Xml")
  if (member.namespace !== namespace) {
    const options = `namespace: ${context.namespace(member.namespace)}${member.minOccurs === 0 ? ", minOccurs: 0" : ""}`
    return `Xml.element(${content}, { ${options} })`
  }
  return member.minOccurs === 0 ? `Xml.optionalElement(${content})` : content
}

/** The base struct a struct extends. */
const baseOf = (context: FileContext, decl: StructType, base: QName, at: Location): StructType => {
  const declared = context.declared(base)
  if (declared === undefined || declared.kind !== "struct") {
    return fail({
      ...at,
      reason: declared === undefined ? "Missing" : "Unsupported",
      detail: `the base type ${keyOf(base)} of ${decl.name.name} is not a struct`
    })
  }
  return declared
}

/** The members of a struct, its bases' first. */
const allMembers = (context: FileContext, decl: StructType, at: Location): ReadonlyArray<Member> =>
  decl.base === undefined
    ? decl.members
    : [...allMembers(context, baseOf(context, decl, decl.base, at), at), ...decl.members]

const describe = (decl: Located): string => {
  const name = `\`${decl.name.name}\``
  switch (decl.kind) {
    case "struct":
      return `The complex type ${name}${decl.base === undefined ? "" : ` (extends \`${decl.base.name}\`)`}.`
    case "array":
      return `${name}: a sequence of \`${decl.item.name}\` items (\`${decl.item.type.name}\`${
        decl.item.nillable ? ", nillable" : ""
      }).`
    case "dictionary":
      return `${name}: a dictionary of \`${decl.value.name}\` by \`${decl.key.name}\`, as \`${decl.pair.name}\` pairs.`
    case "enumeration":
      return `The enumeration ${name}: ${decl.values.map((v) => `\`${v}\``).join(", ")}.`
    case "list":
      return `The flags ${name}, an \`xs:list\` of ${decl.values.map((v) => `\`${v}\``).join(", ")}.`
  }
}

const docOf = (context: FileContext, decl: Located): string => {
  const text = docOfKey(context.docs.types, decl.name.name)
  return describe(decl) + (text === undefined ? "" : `\n\n${text}`)
}

const writeStruct = (context: FileContext, decl: StructType & Located, recursive: boolean): string => {
  const at = decl.location
  const namespace = decl.name.namespace
  let fields = ""
  if (decl.base !== undefined) {
    const base = baseOf(context, decl, decl.base, at)
    if (base.name.namespace !== namespace) {
      return fail({
        ...at,
        reason: "Unsupported",
        detail: `an extension of ${keyOf(decl.base)}, a type of another namespace`
      })
    }
    if (context.isRecursive(decl.base)) {
      return fail({
        ...at,
        reason: "Unsupported",
        detail: `an extension of ${keyOf(decl.base)}, a recursive type (its schema has no fields to spread)`
      })
    }
    fields += `  ...${context.identifier(decl.base, at)}.fields,\n`
  }
  for (const member of decl.members) {
    fields += jsdoc(docOfKey(context.docs.types, `${decl.name.name}.${member.name}`), "  ")
    fields += `  ${propertyKey(member.name)}: ${memberOf(context, member, decl.name, namespace, at)},\n`
  }
  const schema = `Schema.Struct({\n${fields.replace(/,\n$/, "\n")}}).annotate(Xml.complexType(${
    literal(decl.name.name)
  }, ${context.namespace(namespace)}))`
  const name = decl.name.name
  const doc = jsdoc(docOf(context, decl))
  if (!recursive) {
    return `${doc}export const ${name} = ${schema}\n\n${doc}export interface ${name} extends Schema.Schema.Type<typeof ${name}> {}\n`
  }
  const members = allMembers(context, decl, at)
  const shape = (encoded: boolean) =>
    members.map((m) => {
      const type = typeOf(context, m.type, encoded, at)
      return `  readonly ${interfaceKey(m.name)}: ${m.nillable ? `${type} | null` : type}\n`
    }).join("")
  return `${doc}export interface ${name} {\n${shape(false)}}\n\n` +
    `/** The encoded (JSON) form of \`${name}\`. */\nexport interface ${name}Encoded {\n${shape(true)}}\n\n` +
    `${doc}export const ${name}: Schema.Codec<${name}, ${name}Encoded> = ${schema}\n`
}

/** A type alias and, for a recursive one, its encoded form and the schema's annotation. */
const aliased = (
  context: FileContext,
  decl: Located,
  schema: string,
  recursive: boolean,
  shape: (encoded: boolean) => string
): string => {
  const name = decl.name.name
  const doc = jsdoc(docOf(context, decl))
  if (!recursive) {
    return `${doc}export const ${name} = ${schema}\n\n${doc}export type ${name} = Schema.Schema.Type<typeof ${name}>\n`
  }
  return `${doc}export type ${name} = ${
    shape(false)
  }\n\n/** The encoded (JSON) form of \`${name}\`. */\nexport type ${name}Encoded = ${
    shape(true)
  }\n\n${doc}export const ${name}: Schema.Codec<${name}, ${name}Encoded> = ${schema}\n`
}

const writeDeclaration = (context: FileContext, decl: Located, recursive: boolean): string => {
  const at = decl.location
  const namespace = context.namespace(decl.name.namespace)
  const name = literal(decl.name.name)
  switch (decl.kind) {
    case "struct":
      return writeStruct(context, decl, recursive)
    case "array": {
      context.codec.add("Xml")
      const item = contentOf(context, decl.item, decl.name, at)
      const schema = `Schema.Array(${item}).annotate({\n  ...Xml.items(${literal(decl.item.name)}, ${
        context.namespace(decl.item.namespace)
      }),\n  ...Xml.complexType(${name}, ${namespace})\n})`
      return aliased(context, decl, schema, recursive, (encoded) => {
        const type = typeOf(context, decl.item.type, encoded, at)
        return `ReadonlyArray<${decl.item.nillable ? `${type} | null` : type}>`
      })
    }
    case "dictionary": {
      if (decl.pair.namespace !== decl.name.namespace) {
        return fail({ ...at, reason: "Unsupported", detail: "a dictionary whose pairs are in another namespace" })
      }
      context.codec.add("DataContract")
      const isStringKey = decl.key.name === "string" && decl.key.namespace === "http://www.w3.org/2001/XMLSchema"
      const key = isStringKey && decl.keyNillable ?
        "" :
        `,\n  key: ${
          contentOf(context, { name: "Key", namespace: "", nillable: decl.keyNillable, type: decl.key }, decl.name, at)
        }`
      const value = schemaOf(context, decl.value, decl.name, at)
      const schema = `DataContract.dictionary({\n  name: ${name},\n  namespace: ${namespace},\n  pair: ${
        literal(decl.pair.name)
      },\n  value: ${value}${key}\n})`
      return aliased(context, decl, schema, recursive, (encoded) => {
        const keyType = typeOf(context, decl.key, encoded, at)
        return `ReadonlyArray<{ readonly Key: ${decl.keyNillable ? `${keyType} | null` : keyType}; readonly Value: ${
          typeOf(context, decl.value, encoded, at)
        } | null }>`
      })
    }
    case "enumeration":
    case "list": {
      context.codec.add("Xsd")
      const values = `[${decl.values.map(literal).join(", ")}]`
      const flags = decl.kind === "list" ? flagsOf(decl.flagValues, context.flags[decl.name.name] ?? {}) : ""
      const schema = `Xsd.${decl.kind}(${values}, ${name}, ${namespace}${flags})`
      return aliased(context, decl, schema, false, () => "")
    }
  }
}

const recordOf = (record: Readonly<Record<string, number>>) =>
  `{ ${Object.entries(record).map(([name, value]) => `${propertyKey(name)}: ${value}`).join(", ")} }`

/** `Xsd.list`'s flag values argument: the WSDL's values that are not the default, the .NET enum's other names. */
const flagsOf = (values: Readonly<Record<string, number>>, aliases: Readonly<Record<string, number>>): string => {
  const members = [
    ...(Object.keys(values).length === 0 ? [] : [`values: ${recordOf(values)}`]),
    ...(Object.keys(aliases).length === 0 ? [] : [`aliases: ${recordOf(aliases)}`])
  ]
  return members.length === 0 ? "" : `, { ${members.join(", ")} }`
}

/** The declarations of the file's types, in dependency order. */
export const writeTypes = (context: FileContext): string => {
  const groups = order(context)
  groups.forEach((group, i) => {
    const first = group[0]!
    const selfReferring = group.length === 1 && dependencies(first).some((d) => keyOf(d) === keyOf(first.name))
    if (group.length > 1 || selfReferring) { for (const decl of group) context.groups.set(keyOf(decl.name), i) }
  })
  return groups.flatMap((group) =>
    group.map((decl) => writeDeclaration(context, decl, context.groups.has(keyOf(decl.name))))
  ).join("\n")
}
