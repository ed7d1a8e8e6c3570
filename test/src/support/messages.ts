/**
 * The messages under test, from the registry: every message of every service, each with the WSDL it
 * comes from; and the vendor examples, each with the message it is an example of.
 */
import { type Service, XmlCodec } from "@erpsync/codec"
import { type Version, versions } from "@erpsync/schema"
import type * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as path from "node:path"
import { referenceDir } from "./reference.js"

export interface Message {
  readonly service: string
  /** The version of NetServer's SOAP API it is of, e.g. `Services86`. */
  readonly version: Version
  /** The `wsdl:message` name, e.g. `SaveConnectionRequest`. */
  readonly name: string
  /** The WSDL that declares it, e.g. `ErpSync.wsdl` (Services86) or `ErpSync88.wsdl` (Services88). */
  readonly wsdl: string
  /** How tests name it: `ErpSync.SaveConnectionRequest` at Services86, `ErpSync88.SaveConnectionRequest` at Services88. */
  readonly label: string
  /** The schema, widened for tests that treat all messages alike. */
  readonly schema: Schema.Codec<unknown, unknown>
}

/** The WSDL of a service at a version, in `wsdl/`. */
export const wsdlOf = (service: string, version: Version): string =>
  `${service}${version === "Services86" ? "" : version.slice("Services".length)}.wsdl`

/** Every message of every service at every version, once each, in registry order. */
export const messages: ReadonlyArray<Message> = (Object.keys(versions) as ReadonlyArray<Version>).flatMap((version) =>
  (Object.values(versions[version]) as ReadonlyArray<Service.AnyService>).flatMap((service) =>
    Object.entries(service.messages).map(([name, schema]) => ({
      service: service.name,
      version,
      name,
      wsdl: wsdlOf(service.name, version),
      label: `${wsdlOf(service.name, version).slice(0, -".wsdl".length)}.${name}`,
      schema
    }))
  )
)

/** The messages of one service at a version. */
export const messagesOf = (service: string, version: Version = "Services86"): ReadonlyArray<Message> =>
  messages.filter((m) => m.service === service && m.version === version)

/** A message by service and name, at a version. */
export const messageNamed = (service: string, name: string, version: Version = "Services86"): Message =>
  messages.find((m) => m.service === service && m.name === name && m.version === version)!

export interface Example {
  /** The file under `wsdl/examples/`, e.g. `SoPrincipal.AuthenticateUsernamePassword.response.xml`. */
  readonly file: string
  readonly message: Message
}

/**
 * The vendor example of each operation's request and response at Services86, where there is one:
 * `<Operation>.request.xml` for ErpSync, `<Service>.<Operation>.response.xml` for the others.
 */
export const examples: ReadonlyArray<Example> = (Object.values(versions.Services86) as ReadonlyArray<
  Service.AnyService
>).flatMap((service) =>
  Object.values(service.operations).flatMap((operation) =>
    ([["request", operation.requestMessage], ["response", operation.responseMessage]] as const).flatMap(
      ([direction, message]) => {
        const file = `${service.name === "ErpSync" ? "" : `${service.name}.`}${operation.name}.${direction}.xml`
        return fs.existsSync(path.join(referenceDir, "examples", file))
          ? [{ file, message: messageNamed(service.name, message) }]
          : []
      }
    )
  )
)

/**
 * Fewest messages that together have every XML shape of all of them: each simple type and each named
 * complex type, as an element with each `minOccurs`, `maxOccurs` and `nillable` it occurs with, as a body
 * member or a header block (the body element is every message's own). Chosen greedily, in registry order on ties: the laws over these reach every
 * path of the codec that the laws over all messages reach, in a fraction of the time (for `pnpm mutate`).
 */
export const covering = (candidates: ReadonlyArray<Message>): ReadonlyArray<Message> => {
  const shapes = (message: Message): ReadonlySet<string> => {
    const out = new Set<string>()
    const { elements, types } = XmlCodec.describe(message.schema)
    const visit = (list: ReadonlyArray<XmlCodec.ElementDescription>, where: string) => {
      for (const e of list) {
        const type = e.type.name === undefined ? "anonymous" : `{${e.type.name.namespace}}${e.type.name.name}`
        out.add(`${where} ${e.type.kind} ${type} ${e.minOccurs} ${e.maxOccurs} ${e.nillable}`)
        if (e.type.kind === "complex" && e.type.sequence !== undefined) visit(e.type.sequence, "member")
      }
    }
    // The body element itself is each message's own; its members (in `types` when its type is named) and
    // the header blocks are shapes.
    const body = elements[0]?.type
    if (body?.kind === "complex" && body.sequence !== undefined) visit(body.sequence, "member")
    visit(elements.slice(1), "header")
    for (const sequence of types.values()) visit(sequence, "member")
    return out
  }
  const remaining = candidates.map((message) => ({ message, shapes: shapes(message) }))
  const covered = new Set<string>()
  const chosen: Array<Message> = []
  for (;;) {
    let best: (typeof remaining)[number] | undefined
    let gain = 0
    for (const candidate of remaining) {
      let n = 0
      for (const shape of candidate.shapes) if (!covered.has(shape)) n++
      if (n > gain) [best, gain] = [candidate, n]
    }
    if (best === undefined) return chosen
    chosen.push(best.message)
    for (const shape of best.shapes) covered.add(shape)
  }
}
