/**
 * The errors of the XML codec: each a `Schema.TaggedError` with a closed `reason`, the XML path and,
 * where the parser knows it, the `line:column` of the input.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { placeFields, where } from "./internal/errorPlace.js"

/**
 * The input is not well-formed XML 1.0, or uses a feature the codec refuses (DOCTYPE, processing
 * instructions, another encoding or XML version), or ends before the document does.
 *
 * @since 0.1.0
 * @category errors
 */
export class XmlParseError extends Schema.TaggedError<XmlParseError>("@erpsync/codec/XmlParseError")("XmlParseError", {
  reason: Schema.Literals([
    "Malformed",
    "Doctype",
    "ProcessingInstruction",
    "Encoding",
    "Version",
    "Truncated",
    "Empty"
  ]),
  detail: Schema.String,
  ...placeFields
}) {
  override get message(): string {
    return `${where(this)}${this.reason}: ${this.detail}`
  }
}

/**
 * A decoding limit was exceeded; `limit` is the configured value.
 *
 * @since 0.1.0
 * @category errors
 */
export class XmlLimitError extends Schema.TaggedError<XmlLimitError>("@erpsync/codec/XmlLimitError")("XmlLimitError", {
  reason: Schema.Literals(["Depth", "TextLength", "Attributes", "MessageLength", "Items"]),
  limit: Schema.Number,
  ...placeFields
}) {
  override get message(): string {
    return `${where(this)}${this.reason} limit of ${this.limit} exceeded`
  }
}

/**
 * The document is well-formed XML but not a SOAP envelope of the expected shape.
 *
 * @since 0.1.0
 * @category errors
 */
export class SoapEnvelopeError
  extends Schema.TaggedError<SoapEnvelopeError>("@erpsync/codec/SoapEnvelopeError")("SoapEnvelopeError", {
    reason: Schema.Literals([
      "NotSoap",
      "MissingBody",
      "DuplicateBody",
      "DuplicateHeader",
      "HeaderAfterBody",
      "EmptyBody",
      "ContentAfterBody",
      "UnexpectedBodyElement",
      "UnexpectedText"
    ]),
    detail: Schema.String,
    ...placeFields
  })
{
  override get message(): string {
    return `${where(this)}${this.reason}: ${this.detail}`
  }
}

/**
 * The XML does not match the schema: an element missing, repeated, out of `xs:sequence` order or
 * unexpected, a value outside its type, or `xsi:nil` where the element is not nillable.
 *
 * @since 0.1.0
 * @category errors
 */
export class XmlDecodeError
  extends Schema.TaggedError<XmlDecodeError>("@erpsync/codec/XmlDecodeError")("XmlDecodeError", {
    reason: Schema.Literals([
      "UnexpectedElement",
      "MissingElement",
      "DuplicateElement",
      "OutOfOrder",
      "InvalidValue",
      "InvalidNil",
      "UnexpectedText"
    ]),
    detail: Schema.String,
    ...placeFields
  })
{
  override get message(): string {
    return `${where(this)}${this.reason}: ${this.detail}`
  }
}

/**
 * A value cannot be written as the schema prescribes: a string with characters XML 1.0 cannot carry,
 * or a value outside its XSD type or refinement.
 *
 * @since 0.1.0
 * @category errors
 */
export class XmlEncodeError
  extends Schema.TaggedError<XmlEncodeError>("@erpsync/codec/XmlEncodeError")("XmlEncodeError", {
    reason: Schema.Literals(["InvalidCharacter", "InvalidValue"]),
    detail: Schema.String,
    path: Schema.String
  })
{
  override get message(): string {
    return `${where(this)}${this.reason}: ${this.detail}`
  }
}

/** A qualified name: namespace URI and local name. */
const QName = Schema.Struct({ namespace: Schema.String, name: Schema.String })

/**
 * The server answered with a SOAP Fault (1.1 or 1.2). `reason` is the fault code's class, with SOAP 1.1's
 * `Client` and `Server` mapped to SOAP 1.2's `Sender` and `Receiver`; `code` is the code exactly as sent.
 *
 * @since 0.1.0
 * @category errors
 */
export class SoapFault extends Schema.TaggedError<SoapFault>("@erpsync/codec/SoapFault")("SoapFault", {
  reason: Schema.Literals(["VersionMismatch", "MustUnderstand", "DataEncodingUnknown", "Sender", "Receiver", "Other"]),
  soapVersion: Schema.Literals(["1.1", "1.2"]),
  code: QName,
  subcodes: Schema.Array(QName),
  /** The fault's text (`faultstring`, or the first `Reason/Text`, preferring English). */
  text: Schema.String,
  /** Every `Reason/Text` with its `xml:lang` (SOAP 1.1: the `faultstring`, with its `xml:lang` if any). */
  texts: Schema.Array(Schema.Struct({ lang: Schema.String, text: Schema.String })),
  /** `faultactor` (1.1) or `Role` (1.2). */
  actor: Schema.optional(Schema.String),
  /** `Node` (1.2). */
  node: Schema.optional(Schema.String),
  /**
   * The `detail` / `Detail` element's content as XML text, cut at a bounded length. It stands on its own:
   * the namespaces it uses are declared in it, also those the Fault declared further out.
   */
  detail: Schema.optional(Schema.String),
  ...placeFields
}) {
  override get message(): string {
    const code = this.code.namespace === "" ? this.code.name : `{${this.code.namespace}}${this.code.name}`
    return `SOAP ${this.soapVersion} Fault ${code}: ${this.text}`
  }
}

/**
 * Any error of decoding.
 *
 * @since 0.1.0
 * @category errors
 */
export type DecodeError = XmlParseError | XmlLimitError | SoapEnvelopeError | XmlDecodeError | SoapFault

/**
 * Reading the input stream failed (an async iterable or `ReadableStream` that threw).
 *
 * @since 0.1.0
 * @category errors
 */
export class XmlReadError extends Schema.TaggedError<XmlReadError>("@erpsync/codec/XmlReadError")("XmlReadError", {
  reason: Schema.Literal("Stream"),
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.reason}: ${this.detail}`
  }
}
