/**
 * `erpsync template <Name>`: a JSON skeleton to fill in, with every member at its default: of an
 * operation's request body (what `call` takes), of a message's body, or of a named type (`ErpConnection`).
 * The skeleton is what the codec itself reads from a message whose elements of complex type are all present
 * and empty (each type expanded once on a path, an array with one item of complex type), so every default is
 * the codec's own.
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import { versions } from "@erpsync/schema"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import type { TemplateArgs } from "../commands.js"
import { InputError } from "../input.js"
import { jsonOf } from "../json.js"
import { didYouMean } from "../suggest.js"

const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"

type Element = XmlCodec.ElementDescription

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;")
const keyOf = (name: { readonly namespace: string; readonly name: string }) => `{${name.namespace}}${name.name}`

const XS = "http://www.w3.org/2001/XMLSchema"
const SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"
const XSI = "http://www.w3.org/2001/XMLSchema-instance"

/** The text of the default value of a built-in simple type, by `{namespace}name`. */
const builtinDefaults: ReadonlyMap<string, string> = new Map([
  ...["string", "base64Binary", "anyURI"].map((name) => [`{${XS}}${name}`, ""] as const),
  [`{${XS}}boolean`, "false"],
  ...[
    "int",
    "long",
    "short",
    "byte",
    "unsignedInt",
    "unsignedLong",
    "unsignedShort",
    "unsignedByte",
    "integer",
    "double",
    "float",
    "decimal"
  ].map((name) => [`{${XS}}${name}`, "0"] as const),
  [`{${XS}}dateTime`, "0001-01-01T00:00:00"],
  [`{${SERIALIZATION}}duration`, "PT0S"],
  [`{${SERIALIZATION}}guid`, "00000000-0000-0000-0000-000000000000"],
  [`{${SERIALIZATION}}char`, "0"]
])

/** The XML of `element` with its complex members present and empty, each named type once on a path. */
const skeletonXml = (description: XmlCodec.Description, element: Element, path: ReadonlySet<string>): string => {
  const type = element.type
  if (type.kind === "simple") {
    // An optional simple member is left out: absent, it reads as its default. A required one (a dictionary
    // pair's Key) is written with the default of its built-in type, or nil.
    if (element.minOccurs === 0) return ""
    const text = builtinDefaults.get(keyOf(type.name))
    const open = `<${element.name} xmlns="${escape(element.namespace)}"`
    if (text !== undefined) return `${open}>${escape(text)}</${element.name}>`
    return element.nillable ? `${open} xmlns:i="${XSI}" i:nil="true"/>` : ""
  }
  const named = type.name === undefined ? undefined : keyOf(type.name)
  if (named !== undefined && path.has(named)) return ""
  const inner = new Set(path)
  if (named !== undefined) inner.add(named)
  const sequence = type.sequence ?? description.types.get(named!) ?? []
  const children = sequence.map((member) => skeletonXml(description, member, inner)).join("")
  return `<${element.name} xmlns="${escape(element.namespace)}">${children}</${element.name}>`
}

/** The path (member names from the body) of the first element of the named type `type`, if any. */
const pathTo = (
  description: XmlCodec.Description,
  sequence: ReadonlyArray<Element>,
  type: string,
  seen: ReadonlySet<string>
): ReadonlyArray<string | number> | undefined => {
  for (const member of sequence) {
    if (member.type.kind !== "complex") continue
    const named = member.type.name === undefined ? undefined : keyOf(member.type.name)
    const step: ReadonlyArray<string | number> = member.maxOccurs === "unbounded" ? [0] : [member.name]
    if (member.type.name?.name === type) return step
    if (named !== undefined && seen.has(named)) continue
    const inner = member.type.sequence ?? description.types.get(named!) ?? []
    const below = pathTo(description, inner, type, named === undefined ? seen : new Set([...seen, named]))
    if (below !== undefined) return [...step, ...below]
  }
  return undefined
}

/** The body of `message`, every complex member present with its defaults, in the command line's JSON form. */
const skeletonOf = (message: Schema.Codec<unknown, unknown>): Effect.Effect<Record<string, unknown>> => {
  const description = XmlCodec.describe(message)
  const body = description.elements[0]!
  const xml = `<s:Envelope xmlns:s="${SOAP11}"><s:Body>${
    skeletonXml(description, body, new Set())
  }</s:Body></s:Envelope>`
  const decoded = Result.getOrThrow(XmlCodec.decodeResult(message)(xml))
  return jsonOf(message)(decoded).pipe(
    Effect.map((json) => (json as { readonly Body: Record<string, unknown> }).Body),
    Effect.orDie
  )
}

const operations = (Object.values(versions.Services88) as ReadonlyArray<Service.AnyService>).flatMap((service) =>
  Object.values(service.operations)
)

/** Prints the skeleton of the operation's request, the message's body or the type named. */
export const template = ({ name }: TemplateArgs) =>
  Effect.gen(function*() {
    const operation = operations.find((o) => o.name === name)
    const message = operation?.request ??
      operations.flatMap((o) => [[o.requestMessage, o.request], [o.responseMessage, o.response]] as const)
        .find(([messageName]) => messageName === name)?.[1]
    if (message !== undefined) {
      return yield* Console.log(JSON.stringify(yield* skeletonOf(message), null, 2))
    }
    // A named type: its skeleton where a message first has it.
    for (const candidate of operations.flatMap((o) => [o.request, o.response])) {
      const description = XmlCodec.describe(candidate)
      const body = description.elements[0]!
      const sequence = body.type.kind === "complex"
        ? body.type.sequence ?? description.types.get(keyOf(body.type.name!)) ?? []
        : []
      const path = pathTo(description, sequence, name, new Set())
      if (path === undefined) continue
      let value: unknown = yield* skeletonOf(candidate)
      for (const step of path) value = (value as Record<string | number, unknown>)[step]
      return yield* Console.log(JSON.stringify(value, null, 2))
    }
    const types = new Set(
      operations.flatMap((o) =>
        [o.request, o.response].flatMap((m) =>
          [...XmlCodec.describe(m).types.keys()].map((k) => k.replace(/^\{.*\}/, ""))
        )
      )
    )
    const names = [
      ...operations.flatMap((o) => [o.name, o.requestMessage, o.responseMessage]),
      ...types
    ]
    return yield* new InputError({
      reason: "UnknownName",
      detail: `no operation, message or type is named ${JSON.stringify(name)}${
        didYouMean(name, names)
      }; erpsync operations lists the operations`
    })
  })
