/**
 * A decoded message's JSON form, what the command line prints: the encoded side of its schema. For the
 * many messages whose schema transforms nothing (no transformation and no declaration anywhere in it),
 * the decoded value already is that form: encoding it again would only walk and check it a second time
 * (at 12 MB, about as long as decoding it).
 */
import * as Effect from "effect/Effect"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"

/** Whether every value of `ast` is its own encoded form: nothing in it transforms or declares a type. */
const isOwnEncoding = (root: AST.AST): boolean => {
  const seen = new Set<AST.AST>()
  const visit = (ast: AST.AST): boolean => {
    if (seen.has(ast)) return true
    seen.add(ast)
    switch (ast._tag) {
      case "Transformation":
      case "Declaration":
        return false
      case "Refinement":
        return visit(ast.from)
      case "Suspend":
        return visit(ast.f())
      case "Union":
        return ast.types.every(visit)
      case "TupleType":
        return ast.elements.every((element) => visit(element.type)) && ast.rest.every((rest) => visit(rest.type))
      case "TypeLiteral":
        return ast.propertySignatures.every((property) => visit(property.type)) &&
          ast.indexSignatures.every((index) => visit(index.type))
      default:
        // Keywords, literals, enums and template literals encode as themselves.
        return true
    }
  }
  return visit(root)
}

const ownEncoding = new WeakMap<AST.AST, boolean>()

/** The encoded (JSON) form of `value`, a value of `schema` as the decoder gave it. */
export const jsonOf = <A, I>(schema: Schema.Schema<A, I>) => {
  let own = ownEncoding.get(schema.ast)
  if (own === undefined) {
    own = isOwnEncoding(schema.ast)
    ownEncoding.set(schema.ast, own)
  }
  return own
    ? (value: A): Effect.Effect<I, ParseResult.ParseError> => Effect.succeed(value as unknown as I)
    : Schema.encode(schema)
}
