/**
 * SOAP messages as schemas: a struct of `Header` blocks and a `Body` element, annotated so that the
 * codec writes and reads them inside a SOAP 1.1 or 1.2 envelope.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { getMessage } from "./internal/ast/annotations.js"
import * as namespaces from "./internal/namespaces.js"
import { EnvelopeAnnotationId, MessageAnnotationId } from "./internal/schema/annotations.js"
import * as Xml from "./Xml.js"

/**
 * The SOAP version of an envelope.
 *
 * @since 0.1.0
 */
export type SoapVersion = "1.1" | "1.2"

/**
 * The envelope namespace of SOAP 1.1.
 *
 * @since 0.1.0
 */
export const SOAP11_NAMESPACE: string = namespaces.SOAP11

/**
 * The envelope namespace of SOAP 1.2.
 *
 * @since 0.1.0
 */
export const SOAP12_NAMESPACE: string = namespaces.SOAP12

/**
 * The schema of a SOAP message `{ Header, Body }`: `Header` holds the header blocks by element name,
 * `Body` the members of the body's wrapper element.
 *
 * @since 0.1.0
 */
export interface Message<Header extends Schema.Struct.Fields, Body extends Schema.Struct.Fields>
  extends Schema.Struct<{ Header: Schema.Struct<Header>; Body: Schema.Struct<Body> }>
{}

/**
 * A header block: an element that a message may carry in its `Header` or not (absent means not sent).
 * `name` and `namespace` default to the property key and the message's namespace.
 *
 * @since 0.2.0
 * @category constructors
 */
export const header = <S extends Schema.Top>(
  schema: S,
  options?: { readonly name?: string; readonly namespace?: string }
): Schema.optionalKey<S> => {
  const optional = Schema.optionalKey(schema)
  // Stryker disable next-line ConditionalExpression: an element annotation of undefined is no annotation
  return options === undefined ? optional : optional.annotateKey(Xml.elementAnnotations(options))
}

/**
 * Declares a SOAP message. Header blocks are top-level elements of `namespace` (usually declared with
 * `header`: a header block is absent or present); the body is the element `body.name` of `namespace`,
 * whose members are `body.fields`. `name` is the message's name in the WSDL (`wsdl:message`), by which a
 * service lists it; it defaults to the body element's name.
 *
 * @since 0.1.0
 * @category constructors
 */
export const message = <Header extends Schema.Struct.Fields, Body extends Schema.Struct.Fields>(options: {
  readonly name?: string | undefined
  readonly namespace: string
  readonly header: Header
  readonly body: { readonly name: string; readonly fields: Body }
  /** Namespaces whose declarations the message uses in `namespace` (`Xml.namespaces`). */
  readonly reuses?: ReadonlyArray<string> | undefined
}): Message<Header, Body> =>
  Schema.Struct({
    // Stryker disable next-line StringLiteral: the header is not an element: its type's name is never written or compared
    Header: Schema.Struct(options.header).annotate(Xml.complexType(`${options.body.name}Header`, options.namespace)),
    Body: Schema.Struct(options.body.fields).annotate({
      ...Xml.complexType(options.body.name, options.namespace),
      ...Xml.root(options.body.name, options.namespace)
    })
  }).annotate({
    [EnvelopeAnnotationId]: { headerKey: "Header", bodyKey: "Body" },
    [MessageAnnotationId]: { name: options.name ?? options.body.name },
    identifier: options.name ?? `${options.body.name}Message`,
    ...Xml.namespaces(Object.fromEntries((options.reuses ?? []).map((declared) => [declared, options.namespace])))
  })

/**
 * The name a message was declared with (`wsdl:message`), or `undefined` for a schema that is no message.
 *
 * @since 0.2.0
 * @category introspection
 */
export const messageName = (schema: Schema.Top): string | undefined => getMessage(schema.ast)?.name
