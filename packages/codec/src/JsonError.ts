/**
 * The errors of the JSON codec (`JsonCodec`): each a `Schema.TaggedError` with a closed `reason`, the
 * JSON path of the value concerned (`/Connection/ConfigFields/BaseUrl`) and, for what the reader finds,
 * the `line:column` of the input.
 *
 * @since 1.0.0
 */
import * as Schema from "effect/Schema"
import { placeFields, where } from "./internal/errorPlace.js"

/**
 * The input is not JSON (RFC 8259): a syntax error, nothing at all, text after the value, an object
 * with a member name twice (`DuplicateKey`), which readers take in different ways, or bytes that are not
 * UTF-8 (`Encoding`).
 *
 * @since 1.0.0
 * @category errors
 */
export class JsonParseError
  extends Schema.TaggedError<JsonParseError>("@erpsync/codec/JsonParseError")("JsonParseError", {
    reason: Schema.Literals(["Malformed", "Empty", "Truncated", "DuplicateKey", "Encoding"]),
    detail: Schema.String,
    ...placeFields
  })
{
  override get message(): string {
    return `${where(this)}${this.reason}: ${this.detail}`
  }
}

/**
 * A reading limit was exceeded; `limit` is the configured value (the same limits as the XML decoder's:
 * nesting depth, characters of one string, items of one array or members of one object, characters of the
 * whole input).
 *
 * @since 1.0.0
 * @category errors
 */
export class JsonLimitError
  extends Schema.TaggedError<JsonLimitError>("@erpsync/codec/JsonLimitError")("JsonLimitError", {
    reason: Schema.Literals(["Depth", "TextLength", "Items", "MessageLength"]),
    limit: Schema.Number,
    ...placeFields
  })
{
  override get message(): string {
    return `${where(this)}${this.reason} limit of ${this.limit} exceeded`
  }
}

/**
 * The JSON does not match the schema: a value of the wrong kind or outside its type (`InvalidValue`), a
 * `null` where the WSDL allows none (`InvalidNull`), a required member missing (`MissingMember`), or a
 * member named twice in different case (`DuplicateMember`: names are read case-insensitively).
 *
 * @since 1.0.0
 * @category errors
 */
export class JsonDecodeError
  extends Schema.TaggedError<JsonDecodeError>("@erpsync/codec/JsonDecodeError")("JsonDecodeError", {
    reason: Schema.Literals(["InvalidValue", "InvalidNull", "MissingMember", "DuplicateMember"]),
    detail: Schema.String,
    ...placeFields
  })
{
  override get message(): string {
    return `${where(this)}${this.reason}: ${this.detail}`
  }
}

/**
 * A value cannot be written as JSON: outside its type, `null` where the WSDL allows none, or a dictionary
 * key that is no string.
 *
 * @since 1.0.0
 * @category errors
 */
export class JsonEncodeError
  extends Schema.TaggedError<JsonEncodeError>("@erpsync/codec/JsonEncodeError")("JsonEncodeError", {
    reason: Schema.Literals(["InvalidValue", "InvalidNull"]),
    detail: Schema.String,
    path: Schema.String
  })
{
  override get message(): string {
    return `${this.path === "" ? "" : `at ${this.path}: `}${this.reason}: ${this.detail}`
  }
}

/**
 * Any error of decoding JSON.
 *
 * @since 1.0.0
 * @category errors
 */
export type JsonReadError = JsonParseError | JsonLimitError | JsonDecodeError
