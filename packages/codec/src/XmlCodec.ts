/**
 * Decoding and encoding XML with any annotated schema. The codec is derived from the schema once and
 * cached; decoding streams (strings, bytes, Effect `Stream`s, async iterables, web `ReadableStream`s)
 * through the codec's tokenizer (and saxes, for what it leaves) with bounded memory.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import * as Stream from "effect/Stream"
import { planRoot } from "./internal/ast/plan.js"
import { DecodeFailure, Decoder } from "./internal/decode/decoder.js"
import { Feeder } from "./internal/decode/input.js"
import { defaultLimits as limitDefaults, type Limits, resolveLimits } from "./internal/decode/limits.js"
import { compileEncoder, EncodeFailure, type Encoder } from "./internal/encode/encoder.js"
import { type DetailElement, type FaultToWrite, writeFault } from "./internal/encode/fault.js"
import { memo } from "./internal/memo.js"
import { SOAP11, SOAP12 } from "./internal/namespaces.js"
import { describe as describePlan, type Description } from "./internal/schema/describe.js"
import type { RootPlan } from "./internal/schema/plan.js"
import type { SoapVersion } from "./Soap.js"
import type { XmlEncodeError } from "./XmlError.js"
import { type DecodeError, XmlReadError } from "./XmlError.js"

export type {
  /** @since 0.1.0 */
  Description,
  /** @since 0.1.0 */
  ElementDescription,
  /** @since 0.1.0 */
  TypeDescription
} from "./internal/schema/describe.js"

export type {
  /** @since 0.1.0 */
  Limits
} from "./internal/decode/limits.js"

/**
 * The default decoding limits.
 *
 * @since 0.1.0
 * @category limits
 */
export const defaultLimits: Limits = limitDefaults

/**
 * Options of decoding.
 *
 * @since 0.1.0
 * @category options
 */
export interface DecodeOptions {
  /** Limits that override the defaults (`defaultLimits`). */
  readonly limits?: Partial<Limits> | undefined
}

/**
 * Options of encoding.
 *
 * @since 0.1.0
 * @category options
 */
export interface EncodeOptions {
  /** The SOAP version of the envelope written for a SOAP message. Default `"1.1"`. */
  readonly soapVersion?: SoapVersion | undefined
}

/**
 * A decoded document and what the decoder learnt about it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Decoded<A> {
  readonly value: A
  /** The SOAP version of the envelope, or `undefined` for a plain document. */
  readonly soapVersion: SoapVersion | undefined
}

const planOf: (ast: AST.AST) => RootPlan = memo(planRoot)

const encoders: Record<SoapVersion, (ast: AST.AST) => Encoder> = {
  "1.1": memo((ast) => compileEncoder(planOf(ast), "1.1")),
  "1.2": memo((ast) => compileEncoder(planOf(ast), "1.2"))
}
const encoderOf = (ast: AST.AST, version: SoapVersion): Encoder => encoders[version](ast)

/**
 * A push decoder for one document: `write` chunks as they arrive, then `end`. Each call returns the
 * first error, after which the decoder is spent.
 *
 * @since 0.1.0
 * @category models
 */
export interface PushDecoder<A> {
  readonly write: (chunk: string | Uint8Array) => Result.Result<void, DecodeError>
  readonly end: () => Result.Result<Decoded<A>, DecodeError>
}

const attempt = <A>(f: () => A): Result.Result<A, DecodeError> => {
  try {
    return Result.succeed(f())
  } catch (e) {
    if (e instanceof DecodeFailure) return Result.fail(e.error)
    throw e
  }
}

/**
 * Derives (once per schema) the plan of a schema, so that a definition error surfaces at start-up.
 * Throws when the schema has no XML form.
 *
 * @since 0.1.0
 * @category constructors
 */
export const compile = <A, I>(schema: Schema.Codec<A, I>): void => {
  // The encoder is compiled from the plan, so this derives both.
  // Stryker disable next-line StringLiteral: the version only picks the envelope's namespace when writing
  encoderOf(schema.ast, "1.1")
}

/**
 * Starts a push decoder for one document.
 *
 * @since 0.1.0
 * @category decoding
 */
export const makeDecoder = <A, I>(schema: Schema.Codec<A, I>, options?: DecodeOptions): PushDecoder<A> => {
  const feeder = new Feeder(new Decoder(planOf(schema.ast), resolveLimits(options?.limits)))
  return {
    write: (chunk) => attempt(() => feeder.write(chunk)),
    end: () => attempt(() => feeder.end() as Decoded<A>)
  }
}

/**
 * Decodes a whole document given as a string or UTF-8 bytes, synchronously.
 *
 * @example
 * ```ts
 * import { Xml, XmlCodec, Xsd } from "@erpsync/codec"
 * import { Result, Schema } from "effect"
 *
 * // <o:Order xmlns:o="urn:orders"><o:Id>7</o:Id><o:Note/></o:Order>, Note nillable
 * const Order = Schema.Struct({
 *   Id: Xsd.int,
 *   Note: Xml.optionalElement(Schema.NullOr(Xsd.string))
 * }).annotate({ ...Xml.root("Order", "urn:orders"), ...Xml.complexType("Order", "urn:orders") })
 *
 * const decoded = XmlCodec.decodeResult(Order)(`<Order xmlns="urn:orders"><Id>7</Id></Order>`)
 * assert.deepStrictEqual(decoded, Result.succeed({ Id: 7, Note: null }))
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeResult = <A, I>(schema: Schema.Codec<A, I>, options?: DecodeOptions) => {
  const plan = planOf(schema.ast)
  const limits = resolveLimits(options?.limits)
  return (input: string | Uint8Array): Result.Result<A, DecodeError> =>
    attempt(() => {
      const feeder = new Feeder(new Decoder(plan, limits))
      feeder.write(input)
      return feeder.end().value as A
    })
}

/**
 * Decodes a whole document given as a string or UTF-8 bytes.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = <A, I>(schema: Schema.Codec<A, I>, options?: DecodeOptions) => {
  const run = decodeResult(schema, options)
  return (input: string | Uint8Array): Effect.Effect<A, DecodeError> =>
    Effect.suspend(() => Effect.fromResult(run(input)))
}

/**
 * The inputs `decodeStream` reads: an Effect `Stream`, an async iterable or a web `ReadableStream` of
 * UTF-8 byte chunks (or of strings).
 *
 * @since 0.1.0
 * @category decoding
 */
export type StreamInput<E, R> =
  | Stream.Stream<Uint8Array | string, E, R>
  | AsyncIterable<Uint8Array | string>
  | ReadableStream<Uint8Array | string>

const toStream = <E, R>(input: StreamInput<E, R>): Stream.Stream<Uint8Array | string, E | XmlReadError, R> => {
  if (Stream.isStream(input)) return input as Stream.Stream<Uint8Array | string, E, R>
  const onError = (cause: unknown) =>
    new XmlReadError({ reason: "Stream", detail: cause instanceof Error ? cause.message : String(cause) })
  if (typeof (input as ReadableStream).getReader === "function") {
    const readable = input as ReadableStream<Uint8Array | string>
    if (readable.locked) {
      return Stream.fail(
        new XmlReadError({ reason: "Stream", detail: "the ReadableStream is locked by another reader" })
      )
    }
    return Stream.fromReadableStream({ evaluate: () => readable, onError })
  }
  return Stream.fromAsyncIterable(input as AsyncIterable<Uint8Array | string>, onError)
}

/**
 * Decodes a document from a stream of chunks, feeding the parser chunk by chunk: the document is never held
 * whole, and every way of cutting it into chunks gives the same result. The stream is not pulled
 * further once an error is found.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeStream = <A, I>(schema: Schema.Codec<A, I>, options?: DecodeOptions) => {
  const plan = planOf(schema.ast)
  const limits = resolveLimits(options?.limits)
  return <E = never, R = never>(input: StreamInput<E, R>): Effect.Effect<A, DecodeError | XmlReadError | E, R> =>
    Effect.suspend(() => {
      const feeder = new Feeder(new Decoder(plan, limits))
      return toStream(input).pipe(
        Stream.runForEach((chunk) => Effect.fromResult(attempt(() => feeder.write(chunk)))),
        Effect.andThen(Effect.suspend(() => Effect.fromResult(attempt(() => feeder.end().value as A))))
      )
    })
}

/**
 * Encodes a value as XML text: a SOAP envelope for a SOAP message (1.1 unless `soapVersion` says
 * otherwise), otherwise the document's root element.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeResult = <A, I>(schema: Schema.Codec<A, I>, options?: EncodeOptions) => {
  const encoder = encoderOf(schema.ast, options?.soapVersion ?? "1.1")
  return (value: A): Result.Result<string, XmlEncodeError> => {
    try {
      return Result.succeed(encoder(value))
    } catch (e) {
      if (e instanceof EncodeFailure) return Result.fail(e.toError())
      throw e
    }
  }
}

/**
 * Encodes a value as XML text.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encode = <A, I>(schema: Schema.Codec<A, I>, options?: EncodeOptions) => {
  const run = encodeResult(schema, options)
  return (value: A): Effect.Effect<string, XmlEncodeError> => Effect.suspend(() => Effect.fromResult(run(value)))
}

/**
 * A SOAP Fault to write with `encodeFault`.
 *
 * @since 0.1.0
 * @category encoding
 */
export type Fault = FaultToWrite

/**
 * An element of a fault's `detail` (`Detail` in SOAP 1.2): namespace (`""` for none), local name,
 * attributes and content. Reading the fault gives the detail back as XML text (`SoapFault.detail`).
 *
 * @since 0.3.0
 * @category encoding
 */
export type FaultDetail = DetailElement

/**
 * Writes a SOAP Fault envelope (SOAP 1.1: `faultcode`, `faultstring`, `faultactor`, `detail`; SOAP 1.2:
 * `Code` with `Subcode`s, `Reason/Text`, `Node`, `Role`, `Detail`), as a server answers a request it cannot
 * process. Throws a `TypeError` for text XML 1.0 cannot carry (a control character, a lone surrogate) and
 * for a detail element or attribute whose name is not an XML name.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeFault = (fault: Fault): string => writeFault(fault, fault.soapVersion === "1.1" ? SOAP11 : SOAP12)

/**
 * The XML shape a schema is derived to, in XML Schema's terms: the top-level elements (a SOAP message's
 * body element, then its header blocks) and the sequences of every named complex type. For checking the
 * schemas against a WSDL.
 *
 * @since 0.1.0
 * @category introspection
 */
export const describe = <A, I>(schema: Schema.Codec<A, I>): Description => describePlan(planOf(schema.ast))

/**
 * The names of the header blocks a SOAP message declares, in their order (none for a message without a
 * header). A client tells from them what a request must carry, a ticket (`Credentials`) for one.
 *
 * @since 0.3.0
 * @category introspection
 */
export const headerNames = <A, I>(schema: Schema.Codec<A, I>): ReadonlyArray<string> =>
  describe(schema).elements.slice(1).map((element) => element.name)

/**
 * The body a reader gets from a SOAP message whose body element is empty: every member absent, so each
 * is its default (`0`, `false`, `null`, the first enumeration value, `[]`). Fails with the `DecodeError`
 * naming the first member that may not be absent.
 *
 * @since 0.3.0
 * @category introspection
 */
export const emptyBody = <A extends { readonly Body: unknown }, I>(
  schema: Schema.Codec<A, I>
): Result.Result<A["Body"], DecodeError> => {
  const body = describe(schema).elements[0]!
  return Result.map(
    decodeResult(schema)(
      `<s:Envelope xmlns:s="${SOAP11}"><s:Body><${body.name} xmlns="${
        body.namespace.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;")
      }"/></s:Body></s:Envelope>`
    ),
    (message) => message.Body
  )
}
