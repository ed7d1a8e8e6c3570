/**
 * Drift check: every element, complex type and simple type of both WSDLs matches what the library
 * declares, compared with an XML Schema reader of the tests' own (not the generator's): element names,
 * order, namespaces, `minOccurs`, `maxOccurs`, `nillable` and types, and enumeration values. What it
 * cannot compare is in `SKIPPED`, each with its reason; a change to either side fails here, naming the
 * type and the element.
 */
import { DataContract, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import { ErpSync, ErpSync88, Namespaces, SoPrincipal, SoPrincipal88 } from "@erpsync/schema"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { describe, expect, it } from "vitest"
import { messages } from "./support/messages.js"
import { compareWithWsdl, readWsdl, type WsdlSchemas } from "./support/wsdl.js"

const SERIALIZATION = DataContract.Serialization
const XS = "http://www.w3.org/2001/XMLSchema"

/** What the drift check does not compare, by `{namespace}name`, with why. */
const SKIPPED: Record<string, string> = {
  [`{${SERIALIZATION}}anyType`]:
    "Serialization's built-in element of xs:anyType: no operation uses it, and the codec has no form for untyped content",
  [`{${SERIALIZATION}}QName`]:
    "Serialization's built-in element of xs:QName: no operation uses it, and the codec has no form for QName values",
  [`{${SERIALIZATION}}FactoryType`]: "Serialization's attribute for ISerializable types: no operation's types use it",
  [`{${SERIALIZATION}}Id`]:
    "Serialization's attribute for object references (preserveObjectReferences): document/literal messages have none",
  [`{${SERIALIZATION}}Ref`]:
    "Serialization's attribute for object references (preserveObjectReferences): document/literal messages have none"
}

/** The codec's schema of each built-in of the Serialization schema, by its global element's name. */
const BUILTINS: Record<string, Schema.Codec<unknown, unknown>> = {
  anyURI: Xsd.anyURI,
  base64Binary: Xsd.base64Binary,
  boolean: Xsd.boolean,
  byte: Xsd.byte,
  dateTime: Xsd.dateTime,
  decimal: Xsd.decimal,
  double: Xsd.double,
  float: Xsd.float,
  int: Xsd.int,
  long: Xsd.long,
  short: Xsd.short,
  string: Xsd.string,
  unsignedByte: Xsd.unsignedByte,
  unsignedInt: Xsd.unsignedInt,
  unsignedLong: Xsd.unsignedLong,
  unsignedShort: Xsd.unsignedShort,
  char: DataContract.char,
  duration: DataContract.duration,
  guid: DataContract.guid
}

const key = (namespace: string, name: string) => `{${namespace}}${name}`

/**
 * The modules of each version and the namespaces their messages rename (Services88 uses Services86's
 * declarations where the two agree, in its own namespace).
 */
const VERSIONS = [
  { files: ["ErpSync.wsdl", "SoPrincipal.wsdl"], modules: [ErpSync, SoPrincipal], renamed: {} },
  {
    files: ["ErpSync88.wsdl", "SoPrincipal88.wsdl"],
    modules: [ErpSync88, SoPrincipal88],
    renamed: { [Namespaces.Services86]: Namespaces.Services88 }
  }
] as const

/** A type's schema as the root element `name` of a document of its version (`renamed`). */
const asRoot = (
  schema: Schema.Codec<unknown, unknown>,
  name: string,
  namespace: string,
  renamed: Record<string, string>
) => schema.annotate({ ...Xml.root(name, namespace), ...Xml.namespaces(renamed) })

/** The type a schema stands for, by `{namespace}name`, in its version. */
const typeKeyOf = (schema: Schema.Codec<unknown, unknown>, renamed: Record<string, string>): string | undefined => {
  const type = XmlCodec.describe(asRoot(schema, "x", "", renamed)).elements[0]!.type
  return type.name === undefined ? undefined : key(type.name.namespace, type.name.name)
}

/** Every type the generated modules of a version declare or re-export, by `{namespace}name` in that version. */
const declaredTypesOf = (
  modules: ReadonlyArray<Record<string, unknown>>,
  renamed: Record<string, string>
): Map<string, Schema.Codec<unknown, unknown>> => {
  const declared = new Map<string, Schema.Codec<unknown, unknown>>()
  for (const module of modules) {
    for (const value of Object.values(module)) {
      if (!Schema.isSchema(value)) continue
      const schema = value as Schema.Codec<unknown, unknown>
      if (AST.isObjects(schema.ast) && schema.ast.propertySignatures.some((p) => p.name === "Body")) continue
      const typeKey = typeKeyOf(schema, renamed)
      if (typeKey !== undefined) declared.set(typeKey, schema)
    }
  }
  return declared
}
const declaredTypes = declaredTypesOf(VERSIONS[0].modules, VERSIONS[0].renamed)

/** The literal values of an enumeration schema, or of a list of one. */
const literalsOf = (
  schema: Schema.Codec<unknown, unknown>
): { readonly list: boolean; readonly values: Array<string> } => {
  let ast = schema.ast
  let list = false
  if (AST.isArrays(ast)) {
    list = true
    ast = ast.rest[0]!
  }
  const types = AST.isUnion(ast) ? ast.types : [ast]
  return { list, values: types.map((t) => (AST.isLiteral(t) ? String(t.literal) : "?")) }
}

/** How the declared enumerations and lists differ from the WSDL's simple types. */
const enumerationDifferences = (
  wsdl: WsdlSchemas,
  declared: ReadonlyMap<string, Schema.Codec<unknown, unknown>>
): Array<string> => {
  const differences: Array<string> = []
  for (const [typeKey, type] of wsdl.simpleTypes) {
    if (type.kind === "restriction") continue // Serialization's char, duration and guid: compared as elements
    const schema = declared.get(typeKey)
    if (schema === undefined) {
      differences.push(`${typeKey}: not declared`)
      continue
    }
    const literals = literalsOf(schema)
    if (literals.list !== (type.kind === "list")) differences.push(`${typeKey}: list ${literals.list} here`)
    if (literals.values.join(" ") !== type.values.join(" ")) {
      differences.push(`${typeKey}: ${literals.values.join(" ")} here, ${type.values.join(" ")} in the WSDL`)
    }
  }
  return differences
}

describe.each(
  VERSIONS.flatMap(({ files, modules, renamed }) => files.map((file) => ({ file, modules, renamed })))
)("$file", ({ file, modules, renamed }) => {
  const wsdl: WsdlSchemas = readWsdl(file)
  const ours = messages.filter((m) => m.wsdl === file)
  const declaredTypes = declaredTypesOf(modules, renamed)

  it.each(ours.map((m) => [m.name, m] as const))("the message %s matches the WSDL", (_, { schema }) => {
    expect(compareWithWsdl(XmlCodec.describe(schema), wsdl).differences).toStrictEqual([])
  })

  it("every top-level element is compared, or skipped with a reason", () => {
    const compared = new Set<string>()
    for (const { schema } of ours) {
      for (const element of XmlCodec.describe(schema).elements) compared.add(key(element.namespace, element.name))
    }
    const differences: Array<string> = []
    for (const [elementKey, element] of wsdl.elements) {
      if (compared.has(elementKey) || SKIPPED[elementKey] !== undefined) continue
      // A global element of a type (WCF declares one for each) or of a Serialization built-in.
      const schema = element.namespace === SERIALIZATION
        ? BUILTINS[element.name]
        : element.type.kind === "named"
        ? declaredTypes.get(key(element.type.name.namespace, element.type.name.name)) ??
          (element.type.name.namespace === XS ? BUILTINS[element.type.name.name] : undefined)
        : undefined
      if (schema === undefined) {
        differences.push(`${elementKey}: nothing declared for it`)
        continue
      }
      const description = XmlCodec.describe(asRoot(schema, element.name, element.namespace, renamed))
      differences.push(...compareWithWsdl(description, wsdl, { rootNillable: true }).differences)
    }
    expect(differences).toStrictEqual([])
  })

  it("every complex type is compared, or skipped with a reason", () => {
    const compared = new Set<string>()
    for (const { schema } of ours) {
      for (const type of compareWithWsdl(XmlCodec.describe(schema), wsdl).compared) compared.add(type)
    }
    for (const schema of declaredTypes.values()) {
      const description = XmlCodec.describe(asRoot(schema, "x", "", renamed))
      for (const type of description.types.keys()) if (wsdl.complexTypes.has(type)) compared.add(type)
    }
    const missing = [...wsdl.complexTypes.keys()].filter((type) => !compared.has(type) && SKIPPED[type] === undefined)
    expect(missing).toStrictEqual([])
  })

  it("every enumeration and list of one has the WSDL's values, in its order", () => {
    expect(enumerationDifferences(wsdl, declaredTypes)).toStrictEqual([])
  })

  it("every top-level attribute is skipped with a reason", () => {
    expect([...wsdl.attributes].filter((attribute) => SKIPPED[attribute] === undefined)).toStrictEqual([])
  })
})

describe("the drift check", () => {
  const wsdl = readWsdl("ErpSync.wsdl")

  it("reports a drifted type with its type and element", () => {
    const { ConnectionId: _, DisplayName, ...rest } = ErpSync.ErpConnection.fields
    // DisplayName made non-nillable, ConnectionId dropped, and Active moved first.
    const { Active, ...others } = rest
    const Drifted = Schema.Struct({
      Active,
      ...others,
      DisplayName: Xml.optionalElement(Xsd.string)
    }).annotate(Xml.complexType("ErpConnection", Namespaces.Services86))
    void DisplayName
    const Message = Schema.Struct({ Connection: Xml.optionalElement(Schema.NullOr(Drifted)) }).annotate({
      ...Xml.root("SaveConnection", Namespaces.Services86),
      ...Xml.complexType("SaveConnection", Namespaces.Services86)
    })
    const { differences } = compareWithWsdl(XmlCodec.describe(Message), wsdl)
    expect(differences.join("\n")).toContain("ErpConnection/TableRight: named Active here, TableRight in the WSDL")
    expect(
      differences.some((d) => d.startsWith("ErpConnection/") && d.includes("nillable false here, true in the WSDL"))
    ).toBe(true)
  })

  it("reports an enumeration whose values differ, a list declared as one value, and a type not declared", () => {
    const drifted = new Map(declaredTypes)
    drifted.set(
      key(Namespaces.Services86, "ErpActorType"),
      Xsd.enumeration(["Unknown", "Supplier", "Customer"], "ErpActorType", Namespaces.Services86)
    )
    drifted.set(
      key(Namespaces.Services86, "ETableRight"),
      Xsd.enumeration(
        ["Select", "Update", "Insert", "Delete", "Filtering", "RestrictedUpdate"],
        "ETableRight",
        Namespaces.Services86
      )
    )
    drifted.delete(key(Namespaces.Services86, "FieldAccess"))
    expect(enumerationDifferences(wsdl, drifted)).toStrictEqual([
      `{${Namespaces.Services86}}ETableRight: list false here`,
      `{${Namespaces.Services86}}ErpActorType: Unknown Supplier Customer here, Unknown Customer Supplier Partner Person Project Employee Sale in the WSDL`,
      `{${Namespaces.Services86}}FieldAccess: not declared`
    ])
  })
})
