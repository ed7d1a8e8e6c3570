/**
 * A message's JSON form, the encoded side of its schema, both ways. In: JSON read by the command line is
 * checked for every problem at once, each issue keeping the value it is about (for `issues.ts` to show).
 * Out: what the command line prints; for the many messages whose schema transforms nothing (no encoding
 * and no declaration anywhere in it), the decoded value already is that form: encoding it again would only
 * walk and check it a second time (at 12 MB, about as long as decoding it).
 */
import { XmlCodec } from "@erpsync/codec"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"

/** Whether every value of `ast` is its own encoded form: nothing in it has an encoding or declares a type. */
const isOwnEncoding = (root: SchemaAST.AST): boolean => {
  const seen = new Set<SchemaAST.AST>()
  const visit = (ast: SchemaAST.AST): boolean => {
    if (seen.has(ast)) return true
    seen.add(ast)
    if (ast.encoding !== undefined) return false
    switch (ast._tag) {
      case "Declaration":
        return false
      case "Suspend":
        return visit(ast.thunk())
      case "Union":
        return ast.types.every(visit)
      case "Arrays":
        return ast.elements.every(visit) && ast.rest.every(visit)
      case "Objects":
        return ast.propertySignatures.every((property) => visit(property.type)) &&
          ast.indexSignatures.every((index) => visit(index.parameter) && visit(index.type))
      default:
        // Keywords, literals, enums and template literals encode as themselves.
        return true
    }
  }
  return visit(root)
}

const ownEncoding = new WeakMap<SchemaAST.AST, boolean>()

/** The encoded (JSON) form of `value`, a value of `schema` as the decoder gave it. */
export const jsonOf = <A, I>(schema: Schema.Codec<A, I>) => {
  let own = ownEncoding.get(schema.ast)
  if (own === undefined) {
    own = isOwnEncoding(schema.ast)
    ownEncoding.set(schema.ast, own)
  }
  return own
    ? (value: A): Effect.Effect<I, Schema.SchemaError> => Effect.succeed(value as unknown as I)
    : Schema.encodeEffect(schema)
}

/**
 * The value of `schema` that JSON read from the input stands for; a `SchemaError` lists every problem. A
 * member the type does not have is one (a misspelt member would otherwise be dropped, and its value lost).
 */
export const fromJson = <A, I>(schema: Schema.Codec<A, I>) => (json: unknown): Effect.Effect<A, Schema.SchemaError> =>
  Schema.decodeUnknownEffect(schema)(json, { errors: "all", reportInput: true, onExcessProperty: "error" })

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * A message's JSON as small as the WSDL allows it: the header left out is none (`{}`), and members of the
 * body left out take their defaults, as absent elements do on the wire (when the message has defaults for
 * all of them). Anything else is left for `fromJson` to judge.
 */
export const completeMessage = <A, I>(schema: Schema.Codec<A, I>) => {
  const empty = XmlCodec.emptyBody(schema as unknown as Schema.Codec<{ readonly Body: unknown }>)
  const defaults = Result.isSuccess(empty)
    ? (Schema.encodeSync(schema as unknown as Schema.Codec<{ Header: {}; Body: unknown }>)({
      Header: {},
      Body: empty.success
    }) as { readonly Body: unknown }).Body
    : undefined
  return (json: unknown): unknown => {
    if (!isObject(json)) return json
    const body = json["Body"]
    return {
      ...json,
      Header: json["Header"] ?? {},
      Body: isObject(body) && isObject(defaults) ? { ...defaults, ...body } : body === undefined ? defaults : body
    }
  }
}
