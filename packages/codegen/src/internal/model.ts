/**
 * What the generator reads out of a WSDL: its types in the forms the codec has (structs, arrays,
 * dictionaries, enumerations, lists of enumerations), its top-level elements, and one service (the
 * SOAP 1.1 document/literal binding of its port) with its operations and their messages.
 */
import type { QName } from "./xml.js"

/** Where a declaration is in its WSDL, for errors. */
export interface Location {
  readonly file: string
  readonly path: string
  readonly line: number
  readonly column: number
}

/** A reference to a type: by name (a built-in or a declared type). */
export type TypeRef = QName

/** A member of a struct (an element of an `xs:sequence`). */
export interface Member {
  readonly name: string
  readonly namespace: string
  readonly minOccurs: 0 | 1
  readonly nillable: boolean
  readonly type: TypeRef
}

/** A complex type with a sequence of members, possibly extending another (its members come first). */
export interface StructType {
  readonly kind: "struct"
  readonly name: QName
  readonly base: QName | undefined
  /** The members it adds to its base. */
  readonly members: ReadonlyArray<Member>
}

/** A complex type holding one repeated item element (`ArrayOfint`). */
export interface ArrayType {
  readonly kind: "array"
  readonly name: QName
  readonly item: Omit<Member, "minOccurs">
}

/** A .NET dictionary (`IsDictionary`): repeated pairs of a `Key` and a `Value` element. */
export interface DictionaryType {
  readonly kind: "dictionary"
  readonly name: QName
  readonly pair: QName
  readonly key: TypeRef
  readonly keyNillable: boolean
  readonly value: TypeRef
}

/** A restriction of `xs:string` to an enumeration. */
export interface EnumerationType {
  readonly kind: "enumeration"
  readonly name: QName
  readonly values: ReadonlyArray<string>
}

/** An `xs:list` of an enumeration (a .NET `[Flags]` enum). */
export interface ListType {
  readonly kind: "list"
  readonly name: QName
  readonly values: ReadonlyArray<string>
  /** The values the WSDL gives names (Data Contract's `EnumerationValue`), where not the n-th's 2^n. */
  readonly flagValues: Readonly<Record<string, number>>
}

export type TypeDecl = StructType | ArrayType | DictionaryType | EnumerationType | ListType

/** A top-level element: a message body (with its own members), a header block or a type's element. */
export interface ElementDecl {
  readonly name: QName
  readonly nillable: boolean
  /** The element's named type, or its anonymous struct's members. */
  readonly content: { readonly kind: "type"; readonly type: TypeRef } | {
    readonly kind: "members"
    readonly members: ReadonlyArray<Member>
  }
  readonly location: Location
}

/** One direction of an operation: its message, body element and header blocks. */
export interface MessageUse {
  /** The `wsdl:message` name, e.g. `SaveConnectionRequest`. */
  readonly message: string
  readonly body: QName
  /** The header blocks' elements, in the binding's order. */
  readonly headers: ReadonlyArray<QName>
}

export interface OperationDecl {
  readonly name: string
  readonly action: string
  readonly input: MessageUse
  readonly output: MessageUse
  readonly location: Location
}

export interface ServiceDecl {
  /** The port type's name, e.g. `ErpSync`. */
  readonly name: string
  /** The last path segment of the port's `soap:address`, e.g. `ErpSync.svc`. */
  readonly endpoint: string
  /** The namespace of the body elements and header blocks. */
  readonly namespace: string
  readonly operations: ReadonlyArray<OperationDecl>
}

/** Everything the generator needs of one WSDL. */
export interface WsdlModel {
  readonly file: string
  /** Declared types by `{namespace}name`, in document order. */
  readonly types: ReadonlyMap<string, TypeDecl & { readonly location: Location }>
  /** Top-level elements by `{namespace}name`. */
  readonly elements: ReadonlyMap<string, ElementDecl>
  readonly service: ServiceDecl
}
