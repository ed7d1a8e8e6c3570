/**
 * A value of a schema's type with some of the members that may be left out (those with a constructor
 * default, `Xml.optionalElement`'s) left out: what `make` and a client's requests take.
 */
import type * as AST from "effect/SchemaAST"

/**
 * `value` (of `ast`'s type) with each member that may be left out left out where `drop()` says so,
 * at every depth. A member's value is followed through unions (a nillable struct), arrays and recursive
 * references; a declared type's value is left whole.
 */
export const leaveOut = (ast: AST.AST, value: unknown, drop: () => boolean): unknown => {
  switch (ast._tag) {
    case "Suspend":
      return leaveOut(ast.thunk(), value, drop)
    case "Union": {
      // The member the value is of, when it is an array or a struct; any other value (null, text) is kept.
      const member = ast.types.find((type) => type._tag === (Array.isArray(value) ? "Arrays" : "Objects"))
      return member === undefined ? value : leaveOut(member, value, drop)
    }
    case "Arrays":
      // A tuple's elements are left whole: only a list's items (its one rest type's) are followed.
      return ast.elements.length === 0
        ? (value as ReadonlyArray<unknown>).map((item) => leaveOut(ast.rest[0]!, item, drop))
        : value
    case "Objects": {
      // Null, or text in a union with a struct.
      if (typeof value !== "object" || value === null) return value
      const record = value as Readonly<Record<string, unknown>>
      const out: Record<string, unknown> = {}
      for (const ps of ast.propertySignatures) {
        const key = ps.name as string
        if (!Object.hasOwn(record, key)) continue
        if (ps.type.context?.constructorDefault !== undefined && drop()) continue
        Object.defineProperty(out, key, {
          value: leaveOut(ps.type, record[key], drop),
          enumerable: true,
          writable: true,
          configurable: true
        })
      }
      return out
    }
    default:
      return value
  }
}
