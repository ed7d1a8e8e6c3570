/**
 * What the writer of one generated file knows and collects: the types declared in it and in the files
 * before it, which of them are recursive, and the imports and namespaces the code it writes uses.
 */
import { type Builtin, builtinOf, isBuiltinNamespace } from "./builtins.js"
import type { Docs } from "./docs.js"
import { fail } from "./failure.js"
import type { Location, TypeDecl, WsdlModel } from "./model.js"
import { namespaceConstant } from "./names.js"
import type { FlagAliases, RestBindings } from "./rest.js"
import { keyOf, type QName } from "./xml.js"

export type Located = TypeDecl & { readonly location: Location }

/** The codec modules generated code may import. */
export type CodecModule = "DataContract" | "Service" | "Soap" | "Xml" | "Xsd"

/** A type an earlier file declares: where, and whether it is recursive (declared with explicit types). */
export interface Earlier {
  readonly decl: Located
  readonly module: string
  readonly recursive: boolean
}

export class FileContext {
  /** Codec modules used. */
  readonly codec = new Set<CodecModule>()
  /** Type-only imports used (`Duration` from `effect/Duration`), by name. */
  readonly typeImports = new Map<string, string>()
  /** Types of earlier files used here: their identifiers, by the file that declares them. */
  readonly imports = new Map<string, Set<string>>()
  /** Namespace constants used, by URI. */
  readonly namespaces = new Map<string, string>()
  /** The recursive group of each recursive type, by key. */
  readonly groups = new Map<string, number>()

  constructor(
    readonly model: WsdlModel,
    /** Types declared in this file, by key, in document order. */
    readonly local: ReadonlyMap<string, Located>,
    /** Types declared in earlier files, by key, with the module that declares them. */
    readonly earlier: ReadonlyMap<string, Earlier>,
    readonly docs: Docs,
    /** The namespaces of earlier versions of the service whose declarations this file uses. */
    readonly reuses: ReadonlyArray<string> = [],
    /** The operations' REST bindings where they depart from the rule. */
    readonly rest: RestBindings = {},
    /** The names `[Flags]` enums have in .NET beside the WSDL's, by the enum's name. */
    readonly flags: FlagAliases = {}
  ) {}

  get file(): string {
    return this.model.file
  }

  /** A declared type (here or earlier), or `undefined`. */
  declared(name: QName): Located | undefined {
    const key = keyOf(name)
    return this.local.get(key) ?? this.earlier.get(key)?.decl
  }

  /** The constant naming a namespace URI. */
  namespace(uri: string): string {
    let name = this.namespaces.get(uri)
    if (name === undefined) {
      // Not a name a type of this module or of the modules before it has.
      const taken = new Set([
        ...this.namespaces.values(),
        ...[...this.local.values(), ...[...this.earlier.values()].map((e) => e.decl)].map((d) => d.name.name)
      ])
      name = namespaceConstant(uri, taken)
      this.namespaces.set(uri, name)
    }
    return name
  }

  /** A built-in type, recording the import its schema (or, `asType`, its TypeScript type) needs. */
  builtin(name: QName, at: Location, asType = false): Builtin | undefined {
    const builtin = builtinOf(name)
    if (builtin !== undefined) {
      if (!asType) this.codec.add(builtin.module)
      else if (builtin.typeImport !== undefined) this.typeImports.set(builtin.typeImport.name, builtin.typeImport.from)
      return builtin
    }
    if (isBuiltinNamespace(name.namespace)) {
      fail({ ...at, reason: "Unsupported", detail: `the built-in type ${keyOf(name)} has no form in the codec` })
    }
    return undefined
  }

  /** The identifier of a declared type, recording an import when an earlier file declares it. */
  identifier(name: QName, at: Location, suffix = ""): string {
    const key = keyOf(name)
    if (this.local.has(key)) return name.name + suffix
    const earlier = this.earlier.get(key)
    if (earlier === undefined) {
      return fail({ ...at, reason: "Missing", detail: `the type ${key} is not declared` })
    }
    let names = this.imports.get(earlier.module)
    if (names === undefined) {
      names = new Set()
      this.imports.set(earlier.module, names)
    }
    names.add(name.name + suffix)
    return name.name + suffix
  }

  /** Whether two local types are in the same recursive group. */
  sameGroup(a: QName, b: QName): boolean {
    const group = this.groups.get(keyOf(a))
    return group !== undefined && group === this.groups.get(keyOf(b))
  }

  /** Whether a type (of this file or an earlier one) is recursive: its schema is declared with explicit types. */
  isRecursive(name: QName): boolean {
    return this.groups.has(keyOf(name)) || this.earlier.get(keyOf(name))?.recursive === true
  }
}
