/**
 * The JSON codec: the JSON form of any annotated schema, derived from the same plan as the XML codec's,
 * as SuperOffice's REST WebAPI reads and writes it. Members by their element names (PascalCase, as the
 * WSDL spells them), read case-insensitively, unknown ones ignored; dictionaries as objects of their keys;
 * enumerations as member names, `[Flags]` lists as `"Select, Update"`, `TimeSpan`s as `"01:30:00"` (ISO
 * 8601 read too), date-times as ISO text; `null` written out. Reading is strict and bounded: RFC 8259
 * JSON only, a member name given twice refused, and the XML decoder's limits.
 *
 * @since 1.0.0
 */
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import { planValue } from "./internal/ast/plan.js"
import { type Limits, resolveLimits } from "./internal/decode/limits.js"
import { JsonValueFailure, readRoot, writeRoot } from "./internal/json/interpret.js"
import { JsonReadFailure, readJson } from "./internal/json/reader.js"
import { memo } from "./internal/memo.js"
import { JsonDecodeError, JsonEncodeError, JsonLimitError, JsonParseError, type JsonReadError } from "./JsonError.js"

/**
 * Options of decoding: the limits (`XmlCodec.defaultLimits` otherwise; `maxAttributes` does not apply).
 *
 * @since 1.0.0
 * @category models
 */
export interface JsonDecodeOptions {
  readonly limits?: Partial<Limits> | undefined
}

const planOf = memo((ast: AST.AST) => planValue(ast))

const readError = (failure: JsonReadFailure): JsonReadError => {
  const location = { path: failure.path, line: failure.line, column: failure.column }
  return failure.kind === "Limit"
    ? new JsonLimitError({ reason: failure.reason as JsonLimitError["reason"], limit: failure.limit, ...location })
    : new JsonParseError({ reason: failure.reason as JsonParseError["reason"], detail: failure.detail, ...location })
}

/**
 * Compiles the plan of a schema's JSON form now, so that a schema without one fails here rather than at
 * its first value.
 *
 * @since 1.0.0
 * @category compiling
 */
export const compile = <A, I>(schema: Schema.Codec<A, I>): void => {
  planOf(schema.ast)
}

const utf8 = new TextDecoder("utf-8", { fatal: true })

/** JSON text of bytes: UTF-8, as RFC 8259 asks of JSON exchanged between systems, never a silent U+FFFD. */
const textOf = (input: string | Uint8Array): Result.Result<string, JsonParseError> => {
  if (typeof input === "string") return Result.succeed(input)
  try {
    return Result.succeed(utf8.decode(input))
  } catch {
    return Result.fail(new JsonParseError({ reason: "Encoding", detail: "the bytes are not UTF-8", path: "" }))
  }
}

/**
 * Decodes JSON, as text or as UTF-8 bytes, into a value of the schema, as a `Result`. Bytes that are not
 * UTF-8 are a `JsonParseError` (`Encoding`).
 *
 * @since 1.0.0
 * @category decoding
 */
export const decodeResult = <A, I>(schema: Schema.Codec<A, I>, options?: JsonDecodeOptions) => {
  const { node, nillable } = planOf(schema.ast)
  const limits = resolveLimits(options?.limits)
  return (input: string | Uint8Array): Result.Result<A, JsonReadError> => {
    const text = textOf(input)
    if (Result.isFailure(text)) return Result.fail(text.failure)
    let json
    try {
      json = readJson(text.success, limits)
    } catch (e) {
      // Stryker disable next-line ConditionalExpression: the reader throws nothing else (its depth is bounded)
      if (e instanceof JsonReadFailure) return Result.fail(readError(e))
      throw e
    }
    try {
      return Result.succeed(readRoot(node, nillable, json) as A)
    } catch (e) {
      if (e instanceof JsonValueFailure) {
        return Result.fail(new JsonDecodeError({ reason: e.reason, detail: e.detail, path: e.path }))
      }
      throw e
    }
  }
}

/**
 * Decodes JSON text into a value of the schema.
 *
 * @since 1.0.0
 * @category decoding
 */
export const decode = <A, I>(schema: Schema.Codec<A, I>, options?: JsonDecodeOptions) => {
  const run = decodeResult(schema, options)
  return (input: string | Uint8Array): Effect.Effect<A, JsonReadError> => Effect.fromResult(run(input))
}

/**
 * Encodes a value of the schema as JSON text, as a `Result`.
 *
 * @since 1.0.0
 * @category encoding
 */
export const encodeResult = <A, I>(schema: Schema.Codec<A, I>) => {
  const { node, nillable } = planOf(schema.ast)
  return (value: A): Result.Result<string, JsonEncodeError> => {
    try {
      return Result.succeed(writeRoot(node, nillable, value))
    } catch (e) {
      if (e instanceof JsonValueFailure) {
        return Result.fail(
          new JsonEncodeError({
            // The writer refuses a value with these two reasons only.
            reason: e.reason as JsonEncodeError["reason"],
            detail: e.detail,
            path: e.path
          })
        )
      }
      throw e
    }
  }
}

/**
 * Encodes a value of the schema as JSON text.
 *
 * @since 1.0.0
 * @category encoding
 */
export const encode = <A, I>(schema: Schema.Codec<A, I>) => {
  const run = encodeResult(schema)
  return (value: A): Effect.Effect<string, JsonEncodeError> => Effect.fromResult(run(value))
}
