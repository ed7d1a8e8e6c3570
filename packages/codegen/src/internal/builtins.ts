/**
 * The types the codec provides, by XML name: the XSD built-ins (`Xsd`) and the simple types of .NET's
 * Serialization schema (`DataContract`), with the TypeScript types of their values and of their JSON form.
 */
import { SERIALIZATION, XS } from "./schemas.js"
import { keyOf, type QName } from "./xml.js"

/** How generated code refers to a type the codec provides. */
export interface Builtin {
  /** The expression of its schema, e.g. `Xsd.int`. */
  readonly expression: string
  /** The module of the codec it comes from. */
  readonly module: "Xsd" | "DataContract"
  /** The TypeScript type of its values. */
  readonly type: string
  /** The TypeScript type of its encoded (JSON) form. */
  readonly encoded: string
  /** A type import its TypeScript types need, if any. */
  readonly typeImport?: { readonly name: string; readonly from: string }
}

const xsd = (name: string, type: string, encoded = type): [string, Builtin] => [
  keyOf({ namespace: XS, name }),
  { expression: `Xsd.${name}`, module: "Xsd", type, encoded }
]

const builtins = new Map<string, Builtin>([
  xsd("string", "string"),
  xsd("boolean", "boolean"),
  xsd("int", "number"),
  xsd("short", "number"),
  xsd("byte", "number"),
  xsd("unsignedByte", "number"),
  xsd("unsignedShort", "number"),
  xsd("unsignedInt", "number"),
  xsd("long", "bigint", "string"),
  xsd("unsignedLong", "bigint", "string"),
  xsd("float", "number"),
  xsd("double", "number"),
  xsd("decimal", "string"),
  xsd("dateTime", "string"),
  xsd("base64Binary", "Uint8Array", "string"),
  xsd("anyURI", "string"),
  [keyOf({ namespace: SERIALIZATION, name: "duration" }), {
    expression: "DataContract.duration",
    module: "DataContract",
    type: "Duration.Duration",
    encoded: "string",
    typeImport: { name: "Duration", from: "effect/Duration" }
  }],
  [keyOf({ namespace: SERIALIZATION, name: "guid" }), {
    expression: "DataContract.guid",
    module: "DataContract",
    type: "string",
    encoded: "string"
  }],
  [keyOf({ namespace: SERIALIZATION, name: "char" }), {
    expression: "DataContract.char",
    module: "DataContract",
    type: "string",
    encoded: "number"
  }]
])

/** The built-in type of that name, if the codec provides it. */
export const builtinOf = (name: QName): Builtin | undefined => builtins.get(keyOf(name))

/** Whether a name is in a namespace of built-ins (XML Schema's or .NET's Serialization schema). */
export const isBuiltinNamespace = (namespace: string): boolean => namespace === XS || namespace === SERIALIZATION
