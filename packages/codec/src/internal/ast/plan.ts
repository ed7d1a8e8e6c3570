/**
 * The one place that reads a schema's AST: it turns an annotated schema into the codec's plan, compiled
 * once per AST node and cached. Refinements become checks and transformations conversions, both plain
 * functions, so that nothing past this file needs the Schema modules.
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { memo } from "../memo.js"
import type { SimpleTypeAnnotation } from "../schema/annotations.js"
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

const simple = <A>(type: SimpleTypeAnnotation<A>): SimpleNode => ({
  _tag: "Simple",
  type: type as unknown as SimpleTypeAnnotation
})

const unsupported = (what: string) => (_: AST.AST, __: unknown, path: ReadonlyArray<PropertyKey>): Node => {
  throw definitionError(path, `${what} has no XML form; annotate it with a simple type (see Xsd)`)
}

const enumeration = (values: ReadonlyArray<string>, name: string): SimpleNode =>
  simple(enumerationType(values as readonly [string, ...Array<string>], name, ""))

const stringLiterals = (types: ReadonlyArray<AST.AST>): Array<string> | undefined => {
  const out: Array<string> = []
  for (const type of types) {
    if (!AST.isLiteral(type) || typeof type.literal !== "string") return undefined
    out.push(type.literal)
  }
  return out
}

const identifierOf = (ast: AST.AST): string =>
  AST.getIdentifierAnnotation(ast).pipe((o) => o._tag === "Some" ? o.value : "enumeration")

const match: AST.Match<Node> = {
  Declaration: unsupported("a declared type"),
  Literal: (ast, _, path) => {
    if (typeof ast.literal !== "string") {
      throw definitionError(path, `the literal ${String(ast.literal)} has no XML form`)
    }
    return enumeration([ast.literal], identifierOf(ast))
  },
  UniqueSymbol: unsupported("a unique symbol"),
  UndefinedKeyword: unsupported("undefined"),
  VoidKeyword: unsupported("void"),
  NeverKeyword: unsupported("never"),
  UnknownKeyword: unsupported("unknown"),
  AnyKeyword: unsupported("any"),
  StringKeyword: () => simple(stringType),
  NumberKeyword: () => simple(doubleType),
  BooleanKeyword: () => simple(booleanType),
  BigIntKeyword: unsupported("bigint"),
  SymbolKeyword: unsupported("symbol"),
  ObjectKeyword: unsupported("object"),
  Enums: (ast, _, path) => {
    const values = ast.enums.map(([, value]) => value)
    const strings = values.filter((value): value is string => typeof value === "string")
    if (strings.length !== values.length) throw definitionError(path, "numeric enums have no XML form")
    return enumeration(strings, identifierOf(ast))
  },
  TemplateLiteral: unsupported("a template literal"),
  TypeLiteral: (ast, go, path) => {
    if (ast.indexSignatures.length > 0) throw definitionError(path, "index signatures have no XML form")
    const complexType = annotations.getComplexType(ast)
    const namespace = complexType?.namespace ?? ""
    const members = ast.propertySignatures.map((ps): Member => {
      if (typeof ps.name !== "string") throw definitionError(path, "only string keys have an XML form")
      const element = annotations.getElement(ps)
      const memberPath = [...path, ps.name]
      const { nillable, node } = elementType(ps.type, go, memberPath)
      const minOccurs = ps.isOptional ? 0 : element?.minOccurs ?? 1
      const member: Member = {
        key: ps.name,
        name: element?.name ?? ps.name,
        namespace: element?.namespace ?? namespace,
        nillable,
        node,
        optional: ps.isOptional,
        minOccurs,
        // Stryker disable next-line OptionalChaining: minOccurs is 0 here only by an element annotation
        defaultValue: ps.isOptional || minOccurs === 1 ? undefined : element?.default ?? defaultOf(node, nillable)
      }
      if (member.minOccurs === 0 && !member.optional && member.defaultValue === undefined) {
        throw definitionError(memberPath, "a minOccurs=0 member of this type needs a default value")
      }
      return member
    })
    return {
      _tag: "Complex",
      typeName: complexType === undefined ? undefined : { namespace: complexType.namespace, name: complexType.name },
      members
    }
  },
  TupleType: (ast, go, path) => {
    if (ast.elements.length > 0 || ast.rest.length !== 1) {
      throw definitionError(path, "only arrays (no tuple elements) have an XML form")
    }
    const items = annotations.getItems(ast)
    if (items === undefined) throw definitionError(path, "an array needs an item element name (Xml.items)")
    const { nillable, node } = elementType(ast.rest[0]!.type, go, [...path, items.name])
    const complexType = annotations.getComplexType(ast)
    return {
      _tag: "Array",
      typeName: complexType === undefined ? undefined : { namespace: complexType.namespace, name: complexType.name },
      item: { name: items.name, namespace: items.namespace, nillable, node }
    }
  },
  Union: (ast, go, path) => {
    const literals = stringLiterals(ast.types)
    if (literals !== undefined) return enumeration(literals, identifierOf(ast))
    const { nillable, node } = elementType(ast, go, path)
    if (nillable) throw definitionError(path, "a nullable type is only allowed as the type of an element")
    return node
  },
  Suspend: (ast, go, path) => {
    let node: Node | undefined
    return { _tag: "Lazy", get: () => node ??= go(ast.f(), path) }
  },
  Refinement: (ast, go, path) => ({ _tag: "Refine", from: go(ast.from, path), check: checkOf(ast) }),
  Transformation: (ast, go, path) => {
    const schema = Schema.make(transformationAst(ast)) as Schema.Schema<unknown, unknown>
    return {
      _tag: "Transform",
      from: go(ast.from, path),
      decode: conversion(ParseResult.decodeUnknownEither(schema)),
      encode: conversion(ParseResult.encodeUnknownEither(schema))
    }
  }
}

/** Compiles (once per AST node) the XML plan of a schema; `path` locates its definition errors. */
export const plan: (ast: AST.AST, path: ReadonlyArray<PropertyKey>) => Node = memo(
  (ast: AST.AST, path: ReadonlyArray<PropertyKey>): Node => {
    const simpleType = annotations.getSimpleType(ast)
    return simpleType !== undefined ? simple(simpleType) : match[ast._tag](ast as never, plan, path)
  }
)

/** The content of an element of type `ast`: a `NullOr` makes it nillable, `undefined` is dropped. */
const elementType = (
  ast: AST.AST,
  go: AST.Compiler<Node>,
  path: ReadonlyArray<PropertyKey>
): { readonly nillable: boolean; readonly node: Node } => {
  if (AST.isUnion(ast) && annotations.getSimpleType(ast) === undefined) {
    const rest = ast.types.filter((t) => !(AST.isLiteral(t) && t.literal === null) && !AST.isUndefinedKeyword(t))
    const nillable = ast.types.some((t) => AST.isLiteral(t) && t.literal === null)
    if (rest.length === ast.types.length) {
      const literals = stringLiterals(rest)
      if (literals !== undefined) return { nillable: false, node: go(ast, path) }
      throw definitionError(path, "a union has no XML form unless it is of string literals or of a type and null")
    }
    // Stryker disable next-line ConditionalExpression: without it, the empty union is never, refused at the same path
    if (rest.length === 0) throw definitionError(path, "a type that is only null or undefined has no XML form")
    // A union of one member is that member.
    const inner = AST.Union.make(rest)
    return { nillable, node: go(inner, path) }
  }
  return { nillable: false, node: go(ast, path) }
}

/**
 * The transformation a `Transform` node applies, with its `from` side reduced to its type: the XML
 * carries values of that type, already checked by the decoder.
 */
const transformationAst = (ast: AST.Transformation): AST.Transformation =>
  new AST.Transformation(AST.typeAST(ast.from), ast.to, ast.transformation)

/** A parser's result as a conversion, its issue formatted. */
const conversion =
  (parse: (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>) => (value: unknown): Conversion => {
    const result = parse(value)
    return Either.isRight(result)
      ? { ok: true, value: result.right }
      : { ok: false, message: ParseResult.TreeFormatter.formatIssueSync(result.left) }
  }

/** A refinement's predicate as a check; one that throws counts as refusing the value. */
const checkOf = (ast: AST.Refinement) => (value: unknown): string | undefined => {
  let issue: Option.Option<ParseResult.ParseIssue>
  try {
    issue = ast.filter(value, {}, ast)
  } catch (e) {
    issue = Option.some(new ParseResult.Type(ast, value, e instanceof Error ? e.message : String(e)))
  }
  return Option.isNone(issue) ? undefined : ParseResult.TreeFormatter.formatIssueSync(issue.value)
}

/** Compiles the plan of a message root: a SOAP envelope or a plain document. */
export const planRoot = (ast: AST.AST): RootPlan => {
  const root = planRootUnchecked(ast)
  // Resolve every recursive reference now, so that a definition error surfaces when the codec is derived.
  forEachNode(root._tag === "Envelope" ? [root.header, root.body.node] : [root.root.node], () => {})
  return root
}

const planRootUnchecked = (ast: AST.AST): RootPlan => {
  const envelope = annotations.getEnvelope(ast)
  if (envelope !== undefined) {
    if (!AST.isTypeLiteral(ast)) throw definitionError([], "a SOAP message must be a struct")
    const header = ast.propertySignatures.find((ps) => ps.name === envelope.headerKey)
    const body = ast.propertySignatures.find((ps) => ps.name === envelope.bodyKey)
    if (header === undefined || body === undefined) {
      throw definitionError([], `a SOAP message needs the keys ${envelope.headerKey} and ${envelope.bodyKey}`)
    }
    const headerNode = resolve(plan(header.type, [envelope.headerKey]))
    if (headerNode._tag !== "Complex") throw definitionError([envelope.headerKey], "the header must be a struct")
    return {
      _tag: "Envelope",
      headerKey: envelope.headerKey,
      header: headerNode,
      bodyKey: envelope.bodyKey,
      body: rootElement(body.type, [envelope.bodyKey])
    }
  }
  return { _tag: "Document", root: rootElement(ast, []) }
}

const rootElement = (ast: AST.AST, path: ReadonlyArray<PropertyKey>): ElementDecl => {
  const root = annotations.getRootElement(ast)
  if (root === undefined) throw definitionError(path, "the root needs an element name (Xml.root or Soap.message)")
  return { name: root.name, namespace: root.namespace, nillable: false, node: plan(ast, path) }
}
