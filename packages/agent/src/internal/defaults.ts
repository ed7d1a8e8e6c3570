/**
 * The body of a message whose members are all absent: each member is its default (`0`, `false`, `null`,
 * the first enumeration value, `[]`), as a reader of the wire gets it.
 */
import { XmlCodec } from "@erpsync/codec"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"

const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"

/** The body of `message` with every member absent; throws when a member may not be absent. */
export const emptyBodyOf = (message: Schema.Schema.AnyNoContext): unknown => {
  const body = XmlCodec.describe(message).elements[0]!
  const xml =
    `<s:Envelope xmlns:s="${SOAP11}"><s:Body><b:${body.name} xmlns:b="${body.namespace}"/></s:Body></s:Envelope>`
  const decoded = XmlCodec.decodeEither(message)(xml)
  if (Either.isLeft(decoded)) {
    throw new Error(`${body.name} has members that may not be absent: ${decoded.left.message}`)
  }
  return (decoded.right as { readonly Body: unknown }).Body
}
