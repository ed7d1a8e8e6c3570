/**
 * Schemas whose encoded (JSON) form is a simple type's text, read and written by the same lexical rules
 * as the XML text: `xs:long`'s decimal string, `ser:duration`'s `xs:duration`.
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import * as SchemaIssue from "effect/SchemaIssue"
import type { LexicalResult, SimpleTypeAnnotation } from "../schema/annotations.js"

const lexically = <A, B>(f: (a: A) => LexicalResult<B>) =>
  SchemaGetter.transformEffect<B, A>((input) => {
    const result = f(input)
    return result.ok
      ? Effect.succeed(result.value)
      : Effect.fail(new SchemaIssue.InvalidValue({ message: result.message }, input))
  })

/** `to` from its text: `type.parse` decodes, `type.format` encodes, a failure of either is an invalid value. */
export const fromText = <S extends Schema.Top & { readonly DecodingServices: never; readonly EncodingServices: never }>(
  to: S,
  type: Pick<SimpleTypeAnnotation<S["Encoded"]>, "parse" | "format">
): Schema.decodeTo<S, Schema.String> =>
  Schema.String.pipe(Schema.decodeTo(to, { decode: lexically(type.parse), encode: lexically(type.format) }))
