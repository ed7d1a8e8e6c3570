/**
 * Schemas whose encoded (JSON) form is a simple type's text, read and written by the same lexical rules
 * as the XML text: `xs:long`'s decimal string, `ser:duration`'s `xs:duration`.
 */
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { SimpleTypeAnnotation } from "../schema/annotations.js"

/** `to` from its text: `type.parse` decodes, `type.format` encodes, a failure of either is a `Type` issue. */
export const fromText = <A, I, R>(
  to: Schema.Schema<A, I, R>,
  type: Pick<SimpleTypeAnnotation<I>, "parse" | "format">
): Schema.transformOrFail<typeof Schema.String, Schema.Schema<A, I, R>> =>
  Schema.transformOrFail(Schema.String, to, {
    // Stryker disable next-line BooleanLiteral: `strict` only checks the types, when compiling
    strict: true,
    decode: (text, _, ast) => {
      const result = type.parse(text)
      return result.ok
        ? ParseResult.succeed(result.value)
        : ParseResult.fail(new ParseResult.Type(ast, text, result.message))
    },
    encode: (value, _, ast) => {
      const result = type.format(value)
      return result.ok
        ? ParseResult.succeed(result.value)
        : ParseResult.fail(new ParseResult.Type(ast, value, result.message))
    }
  })
