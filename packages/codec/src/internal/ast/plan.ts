/**
 * The one place that reads a schema's AST into the codec's plan, compiled once per AST node and cached. A
 * node's checks become `Refine` nodes and its encoding chain a `Transform` node, both holding plain
 * functions, so that nothing past this file needs the Schema modules.
 */
import * as Cause from "effect/Cause"
import * as Exit from "effect/Exit"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { memo } from "../memo.js"
import {
  ComplexTypeAnnotationId,
  ItemsAnnotationId,
  RootElementAnnotationId,
  type SimpleTypeAnnotation,
  SimpleTypeAnnotationId
} from "../schema/annotations.js"
import {
  type Conversion,
  defaultOf,
  definitionError,
  type ElementDecl,
  forEachNode,
  type Member,
  type Node,
  resolve,
  type RootPlan,
  type SimpleNode
} from "../schema/plan.js"
import { booleanType, doubleType, enumerationType, stringType } from "../schema/simpleTypes.js"
import * as annotations from "./annotations.js"
import { checkOf, formatIssue } from "./checks.js"

type Path = ReadonlyArray<PropertyKey>

/**
 * The namespaces of one kind of document: those its root renames (`Xml.namespaces`), and the plans of the
 * nodes in it, compiled once per node for each renaming.
 */
interface Binding {
  readonly namespace: (declared: string) => string
  readonly plan: (ast: AST.AST, path: Path) => Node
  readonly simple: (type: SimpleTypeAnnotation) => SimpleTypeAnnotation
}

const bindings = new Map<string, Binding>()

/**
 * The binding of a renaming, one per renaming however it is written: its keys in order, a namespace
 * renamed to itself left out.
 */
const bindingOf = (renamed: Readonly<Record<string, string>>): Binding => {
  const entries = Object.keys(renamed).sort().filter((from) => renamed[from] !== from).map((from) =>
    [from, renamed[from]!] as const
  )
  const key = JSON.stringify(entries)
  let binding = bindings.get(key)
  if (binding === undefined) {
    const map = new Map(entries)
    const namespace = (declared: string) => map.get(declared) ?? declared
    binding = {
      namespace,
      plan: memo((ast: AST.AST, path: Path): Node => planIn(binding!, ast, path)),
      simple: (type) => {
        const to = namespace(type.name.namespace)
        // Stryker disable next-line ConditionalExpression: a copy of a type under its own name reads and writes as it
        return to === type.name.namespace ? type : { ...type, name: { namespace: to, name: type.name.name } }
      }
    }
    bindings.set(key, binding)
  }
  return binding
}

const simple = <A>(type: SimpleTypeAnnotation<A>, b: Binding): SimpleNode => ({
  _tag: "Simple",
  type: b.simple(type as unknown as SimpleTypeAnnotation)
})

const unsupported = (what: string) => (_: AST.AST, path: Path): Node => {
  throw definitionError(path, `${what} has no XML form; annotate it with a simple type (see Xsd)`)
}

const enumeration = (values: ReadonlyArray<string>, name: string, b: Binding): SimpleNode =>
  simple(enumerationType(values as readonly [string, ...Array<string>], name, ""), b)

const stringLiterals = (types: ReadonlyArray<AST.AST>): Array<string> | undefined => {
  const out: Array<string> = []
  for (const type of types) {
    if (!AST.isLiteral(type) || typeof type.literal !== "string") return undefined
    out.push(type.literal)
  }
  return out
}

const identifierOf = (ast: AST.AST): string => annotations.getIdentifier(ast) ?? "enumeration"

const typeNameOf = (ast: AST.AST, b: Binding) => {
  const complexType = annotations.getComplexType(ast)
  return complexType === undefined
    ? undefined
    : { namespace: b.namespace(complexType.namespace), name: complexType.name }
}

/** The plan of a node's own shape, without its checks and encoding. */
const shapes: {
  readonly [K in AST.AST["_tag"]]: (ast: Extract<AST.AST, { _tag: K }>, path: Path, b: Binding) => Node
} = {
  Declaration: unsupported("a declared type"),
  Null: unsupported("null"),
  Undefined: unsupported("undefined"),
  Void: unsupported("void"),
  Never: unsupported("never"),
  Unknown: unsupported("unknown"),
  Any: unsupported("any"),
  String: (_, __, b) => simple(stringType, b),
  Number: (_, __, b) => simple(doubleType, b),
  Boolean: (_, __, b) => simple(booleanType, b),
  BigInt: unsupported("bigint"),
  Symbol: unsupported("symbol"),
  Literal: (ast, path, b) => {
    if (typeof ast.literal !== "string") {
      throw definitionError(path, `the literal ${String(ast.literal)} has no XML form`)
    }
    return enumeration([ast.literal], identifierOf(ast), b)
  },
  UniqueSymbol: unsupported("a unique symbol"),
  ObjectKeyword: unsupported("object"),
  Enum: (ast, path, b) => {
    const values = ast.enums.map(([, value]) => value)
    const strings = values.filter((value): value is string => typeof value === "string")
    if (strings.length !== values.length) throw definitionError(path, "numeric enums have no XML form")
    return enumeration(strings, identifierOf(ast), b)
  },
  TemplateLiteral: unsupported("a template literal"),
  Arrays: (ast, path, b) => {
    if (ast.elements.length > 0 || ast.rest.length !== 1) {
      throw definitionError(path, "only arrays (no tuple elements) have an XML form")
    }
    const items = annotations.getItems(ast)
    if (items === undefined) throw definitionError(path, "an array needs an item element name (Xml.items)")
    const { nillable, node } = elementType(ast.rest[0]!, [...path, items.name], b)
    return {
      _tag: "Array",
      typeName: typeNameOf(ast, b),
      item: { name: items.name, namespace: b.namespace(items.namespace), nillable, node },
      dictionary: annotations.getDictionary(ast) === true
    }
  },
  Objects: (ast, path, b) => {
    if (ast.indexSignatures.length > 0) throw definitionError(path, "index signatures have no XML form")
    const namespace = annotations.getComplexType(ast)?.namespace ?? ""
    const members = ast.propertySignatures.map((ps): Member => {
      if (typeof ps.name !== "string") throw definitionError(path, "only string keys have an XML form")
      const element = annotations.getElement(ps.type)
      const memberPath = [...path, ps.name]
      const optional = AST.isOptional(ps.type)
      const { nillable, node } = elementType(ps.type, memberPath, b)
      // A key optional on the encoded side only (`withDecodingDefaultKey`) is an element that may be absent,
      // and then has the value Effect's parser gives an absent key.
      const decodingDefault = optional ? undefined : decodingDefaultOf(ps.name, ps.type, memberPath)
      const minOccurs = optional || decodingDefault !== undefined ? 0 : element?.minOccurs ?? 1
      // Stryker disable next-line OptionalChaining: minOccurs is 0 here by a decoding default or an element annotation
      const absent = () => decodingDefault ?? element?.default ?? defaultOf(node, nillable)
      const member: Member = {
        key: ps.name,
        name: element?.name ?? ps.name,
        namespace: b.namespace(element?.namespace ?? namespace),
        nillable,
        node,
        optional,
        minOccurs,
        defaultValue: optional || minOccurs === 1 ? undefined : absent()
      }
      if (member.minOccurs === 0 && !member.optional && member.defaultValue === undefined) {
        throw definitionError(memberPath, "a minOccurs=0 member of this type needs a default value")
      }
      return member
    })
    return { _tag: "Complex", typeName: typeNameOf(ast, b), members }
  },
  Union: (ast, path, b) => {
    const { nillable, node } = unionContent(ast, path, b)
    if (nillable) throw definitionError(path, "a nullable type is only allowed as the type of an element")
    return node
  },
  Suspend: (ast, path, b) => {
    let node: Node | undefined
    return { _tag: "Lazy", get: () => node ??= b.plan(ast.thunk(), path) }
  }
}

/**
 * Compiles the XML plan of a schema (once per AST node in each binding: `b.plan`); `path` locates its
 * definition errors. A simple
 * type annotation makes the node a simple type, whose text is read and written by the annotation alone:
 * the checks before the one it is on (or all, when it is on the node) are the annotation's to meet, and
 * the checks after it are refinements. An encoding is the annotation's too when it reads through it
 * (`reads`, as `Xsd.long` does); any other makes the node a transformation of what its last link encodes
 * to, whose parsers apply the node's checks. Otherwise the node's shape, refined by its checks.
 */
const planIn = (b: Binding, ast: AST.AST, path: Path): Node => {
  const simpleAt = annotations.annotatedAt(ast, SimpleTypeAnnotationId)
  if (simpleAt !== undefined) {
    const type = annotations.getSimpleType(ast)!
    if (ast.encoding === undefined || type.reads === ast.encoding[ast.encoding.length - 1]!.transformation) {
      return refined(simple(type, b), ast, simpleAt + 1)
    }
  }
  if (ast.encoding !== undefined) return transformation(ast, path, b)
  if ("encodingChecks" in ast && ast.encodingChecks !== undefined) {
    throw definitionError(path, "checks on a schema's encoded side (a flipped schema's) have no XML form")
  }
  return refined(shapes[ast._tag](ast as never, path, b), ast, 0)
}

/** `node` refined by `ast`'s checks from the one at `from` on. */
const refined = (node: Node, ast: AST.AST, from: number): Node => {
  const checks = ast.checks?.slice(from) ?? []
  return checks.length === 0 ? node : { _tag: "Refine", from: node, check: checkOf(checks, ast) }
}

/**
 * A node with an encoding: the XML carries the last link's side (`wire`), whose value the codec holds as
 * its type. Decoding encodes that value to the wire's encoded form and decodes the whole schema from
 * it, with Effect's parsers, so that every link, and every schema a link leads to, applies as Effect
 * applies it; encoding goes the other way. A declared type (`Schema.Class`) lends its XML annotations to
 * the struct it is encoded as.
 */
const transformation = (ast: AST.AST, path: Path, b: Binding): Node => {
  const links = ast.encoding!
  for (const link of links) {
    if (!SchemaTransformation.isTransformation(link.transformation)) {
      throw definitionError(path, "a middleware (such as catchDecoding) has no XML form")
    }
  }
  const last = links[links.length - 1]!.to
  const wire = AST.isDeclaration(ast) ? withXmlAnnotationsOf(ast, last) : last
  const whole = Schema.make(ast) as unknown as Schema.Codec<unknown, unknown>
  const wireSchema = Schema.make(wire) as unknown as Schema.Codec<unknown, unknown>
  return {
    _tag: "Transform",
    from: b.plan(wire, path),
    decode: then(conversion(Schema.encodeUnknownExit(wireSchema)), conversion(Schema.decodeUnknownExit(whole))),
    encode: then(conversion(Schema.encodeUnknownExit(whole)), conversion(Schema.decodeUnknownExit(wireSchema)))
  }
}

/** The codec's annotations of a declared type, given to the schema it is encoded as where it has none. */
const withXmlAnnotationsOf = (declaration: AST.AST, to: AST.AST): AST.AST => {
  const given: Record<string, unknown> = {}
  for (const key of [ComplexTypeAnnotationId, RootElementAnnotationId, ItemsAnnotationId]) {
    const value = declaration.annotations?.[key]
    if (value !== undefined && annotations.annotatedAt(to, key) === undefined) given[key] = value
  }
  // Stryker disable next-line ConditionalExpression: annotating with nothing gives a schema of the same plan
  return Object.keys(given).length === 0 ? to : (Schema.make(to) as Schema.Top).annotate(given).ast
}

/** One conversion after the other. */
const then =
  (first: (value: unknown) => Conversion, second: (value: unknown) => Conversion) => (value: unknown): Conversion => {
    const result = first(value)
    return result.ok ? second(result.value) : result
  }

/**
 * A parser's result as a conversion, its issue formatted. A transformation that throws is a bug in the
 * schema, not bad input: what it threw is thrown again, as the schema's own code would throw it.
 */
const conversion = (parse: (u: unknown) => Exit.Exit<unknown, Schema.SchemaError>) => (value: unknown): Conversion => {
  const exit = parse(value)
  if (Exit.isSuccess(exit)) return { ok: true, value: exit.value }
  const error = Cause.findError(exit.cause)
  if (Result.isSuccess(error)) return { ok: false, message: formatIssue(error.success.issue) }
  throw Cause.squash(exit.cause)
}

/**
 * The value of an absent key whose encoded side is optional while its type is not: what Effect's parser
 * gives a struct without it (a default of `withDecodingDefault` or `withDecodingDefaultKey`), computed
 * afresh each time; `undefined` when the encoded side is required.
 */
const decodingDefaultOf = (key: string, ast: AST.AST, path: Path): (() => unknown) | undefined => {
  const links = ast.encoding
  if (links === undefined || !AST.isOptional(links[links.length - 1]!.to)) return undefined
  const decode = Schema.decodeUnknownExit(
    Schema.Struct({ [key]: Schema.make(ast) }) as unknown as Schema.Codec<unknown, unknown>
  )
  const absent = (): unknown => {
    const exit = decode({})
    if (Exit.isSuccess(exit)) return (exit.value as Record<string, unknown>)[key]
    throw definitionError(path, `an absent element has no value: ${Cause.pretty(exit.cause)}`)
  }
  absent()
  return absent
}

/** The content of an element of type `ast`: a union with `null` makes it nillable, `undefined` is dropped. */
const elementType = (ast: AST.AST, path: Path, b: Binding): { readonly nillable: boolean; readonly node: Node } =>
  AST.isUnion(ast) && ast.checks === undefined && ast.encoding === undefined &&
    annotations.getSimpleType(ast) === undefined
    ? unionContent(ast, path, b)
    : { nillable: false, node: b.plan(ast, path) }

/**
 * What a union (its own checks aside) holds: its members but `null`, which makes it nillable, and
 * `undefined`, with unions inside it flattened.
 */
const unionContent = (ast: AST.Union, path: Path, b: Binding): { readonly nillable: boolean; readonly node: Node } => {
  const rest: Array<AST.AST> = []
  let nillable = false
  let dropped = false
  const collect = (types: ReadonlyArray<AST.AST>) => {
    for (const type of types) {
      if (AST.isNull(type)) {
        nillable = true
        dropped = true
      } else if (AST.isUndefined(type)) {
        dropped = true
      } else if (
        AST.isUnion(type) && type.checks === undefined && type.encoding === undefined &&
        annotations.getSimpleType(type) === undefined && stringLiterals(type.types) === undefined
      ) {
        collect(type.types)
      } else {
        rest.push(type)
      }
    }
  }
  collect(ast.types)
  if (!dropped) {
    const literals = stringLiterals(rest)
    if (literals !== undefined) return { nillable: false, node: enumeration(literals, identifierOf(ast), b) }
    throw definitionError(path, "a union has no XML form unless it is of string literals or of a type and null")
  }
  // Stryker disable next-line ConditionalExpression: without it, the empty union is never, refused at the same path
  if (rest.length === 0) throw definitionError(path, "a type that is only null or undefined has no XML form")
  // A union of one member is that member.
  return { nillable, node: rest.length === 1 ? b.plan(rest[0]!, path) : b.plan(new AST.Union(rest), path) }
}

/**
 * Compiles the plan of a value of any schema (a member's, say), for the JSON codec: no root element; a
 * union with `null` makes it nillable.
 */
export const planValue = (ast: AST.AST): { readonly nillable: boolean; readonly node: Node } => {
  const value = elementType(ast, [], bindingOf({}))
  // Resolve every recursive reference now, so that a definition error surfaces when the codec is derived.
  forEachNode([value.node], () => {})
  return value
}

/**
 * The value an absent element of type `ast` decodes to (its type's default), made afresh by each call; a
 * definition error when the type has none.
 */
export const absentValueOf = (ast: AST.AST): () => unknown => {
  const { nillable, node } = planValue(ast)
  const value = defaultOf(node, nillable)
  if (value === undefined) throw definitionError([], "a minOccurs=0 member of this type needs a default value")
  return value
}

/** Compiles the plan of a message root: a SOAP envelope or a plain document. */
export const planRoot = (ast: AST.AST): RootPlan => {
  const root = planRootUnchecked(ast)
  // Resolve every recursive reference now, so that a definition error surfaces when the codec is derived.
  forEachNode(root._tag === "Envelope" ? [root.header, root.body.node] : [root.root.node], () => {})
  return root
}

const planRootUnchecked = (ast: AST.AST): RootPlan => {
  const b = bindingOf(annotations.getNamespaces(ast) ?? {})
  const envelope = annotations.getEnvelope(ast)
  if (envelope !== undefined) {
    if (!AST.isObjects(ast)) throw definitionError([], "a SOAP message must be a struct")
    const header = ast.propertySignatures.find((ps) => ps.name === envelope.headerKey)
    const body = ast.propertySignatures.find((ps) => ps.name === envelope.bodyKey)
    if (header === undefined || body === undefined) {
      throw definitionError([], `a SOAP message needs the keys ${envelope.headerKey} and ${envelope.bodyKey}`)
    }
    const headerNode = resolve(b.plan(header.type, [envelope.headerKey]))
    if (headerNode._tag !== "Complex") throw definitionError([envelope.headerKey], "the header must be a struct")
    return {
      _tag: "Envelope",
      headerKey: envelope.headerKey,
      header: headerNode,
      bodyKey: envelope.bodyKey,
      body: rootElement(body.type, [envelope.bodyKey], b)
    }
  }
  return { _tag: "Document", root: rootElement(ast, [], b) }
}

const rootElement = (ast: AST.AST, path: Path, b: Binding): ElementDecl => {
  const root = annotations.getRootElement(ast)
  if (root === undefined) throw definitionError(path, "the root needs an element name (Xml.root or Soap.message)")
  return { name: root.name, namespace: b.namespace(root.namespace), nillable: false, node: b.plan(ast, path) }
}
