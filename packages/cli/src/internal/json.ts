/**
 * A message's JSON form, the encoded side of its schema, both ways. In: JSON read by the command line is
 * checked for every problem at once, each issue keeping the value it is about (for `issues.ts` to show).
 * Out: what the command line prints; for the many messages whose schema transforms nothing (no encoding
 * and no declaration anywhere in it), the decoded value already is that form: encoding it again would only
 * walk and check it a second time (at 12 MB, about as long as decoding it).
 */
import * as Effect from "effect/Effect"
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

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** The encoded form of the value a member left out takes (its constructor default), by member. */
const defaults = new WeakMap<SchemaAST.PropertySignature, unknown>()

const encodedDefault = (ps: SchemaAST.PropertySignature): unknown => {
  if (!defaults.has(ps)) {
    const struct = Schema.Struct({ [ps.name]: Schema.make(ps.type) as Schema.Top }) as unknown as Schema.Codec<
      Record<PropertyKey, unknown>,
      Record<PropertyKey, unknown>
    >
    defaults.set(ps, Schema.encodeSync(struct)(struct.make({}))[ps.name])
  }
  return defaults.get(ps)
}

/**
 * `json` (a value's JSON form) with every member left out that may be absent (`minOccurs="0"`, which has a
 * constructor default) given the JSON form of its default, at every depth: as small as the WSDL allows, as a
 * typed call takes it. What is not a member left out is left as it is, for `fromJson` to judge.
 */
const complete = (ast: SchemaAST.AST, json: unknown): unknown => {
  // A member's JSON is its encoded side: past an encoding, it is another shape, given whole.
  if (ast.encoding !== undefined) return json
  switch (ast._tag) {
    case "Suspend":
      return complete(ast.thunk(), json)
    case "Union": {
      if (typeof json !== "object" || json === null) return json
      const member = ast.types.find((type) => Array.isArray(json) ? type._tag === "Arrays" : type._tag === "Objects")
      return member === undefined ? json : complete(member, json)
    }
    case "Arrays":
      return Array.isArray(json) && ast.rest.length === 1 ? json.map((item) => complete(ast.rest[0]!, item)) : json
    case "Objects": {
      if (!isObject(json)) return json
      const out: Record<string, unknown> = {}
      // Every member given first, in the order given: unknown ones among them, for fromJson to name.
      for (const [key, value] of Object.entries(json)) {
        const ps = ast.propertySignatures.find((p) => p.name === key)
        Object.defineProperty(out, key, {
          value: ps === undefined ? value : complete(ps.type, value),
          enumerable: true,
          writable: true,
          configurable: true
        })
      }
      for (const ps of ast.propertySignatures) {
        if (!Object.hasOwn(json, ps.name) && ps.type.context?.constructorDefault !== undefined) {
          Object.defineProperty(out, ps.name, {
            value: encodedDefault(ps),
            enumerable: true,
            writable: true,
            configurable: true
          })
        }
      }
      return out
    }
    default:
      return json
  }
}

/**
 * The value of `schema` that JSON read from the input stands for, the members it leaves out that may be
 * absent taking their defaults; a `SchemaError` lists every problem. A member the type does not have is one
 * (a misspelt member would otherwise be dropped, and its value lost).
 */
export const fromJson = <A, I>(schema: Schema.Codec<A, I>) => (json: unknown): Effect.Effect<A, Schema.SchemaError> =>
  Schema.decodeUnknownEffect(schema)(complete(schema.ast, json), {
    errors: "all",
    reportInput: true,
    onExcessProperty: "error"
  })

/**
 * A message's JSON as small as the WSDL allows it: the header left out is none (`{}`), the body left out
 * is one of defaults, and members of the body left out take their defaults (`fromJson`).
 */
export const completeMessage = (json: unknown): unknown =>
  isObject(json) ? { ...json, Header: json["Header"] ?? {}, Body: json["Body"] ?? {} } : json
