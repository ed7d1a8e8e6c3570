/**
 * The messages under test, from the registry: every message of every service, each with the WSDL it
 * comes from; and the vendor examples, each with the message it is an example of.
 */
import type { Service } from "@erpsync/codec"
import { services } from "@erpsync/schema"
import type * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as path from "node:path"
import { referenceDir } from "./reference.js"

export interface Message {
  readonly service: string
  /** The `wsdl:message` name, e.g. `SaveConnectionRequest`. */
  readonly name: string
  /** The WSDL that declares it, e.g. `ErpSync.wsdl`. */
  readonly wsdl: string
  /** The schema, widened for tests that treat all messages alike. */
  readonly schema: Schema.Schema<unknown, unknown>
}

const all = Object.values(services) as ReadonlyArray<Service.AnyService>

/** Every message of every service, once each, in registry order. */
export const messages: ReadonlyArray<Message> = all.flatMap((service) =>
  Object.entries(service.messages).map(([name, schema]) => ({
    service: service.name,
    name,
    wsdl: `${service.name}.wsdl`,
    schema: schema as Schema.Schema<unknown, unknown>
  }))
)

/** The messages of one service. */
export const messagesOf = (service: string): ReadonlyArray<Message> => messages.filter((m) => m.service === service)

/** A message by service and name. */
export const messageNamed = (service: string, name: string): Message =>
  messages.find((m) => m.service === service && m.name === name)!

export interface Example {
  /** The file under `wsdl/examples/`, e.g. `SoPrincipal.AuthenticateUsernamePassword.response.xml`. */
  readonly file: string
  readonly message: Message
}

/**
 * The vendor example of each operation's request and response, where there is one:
 * `<Operation>.request.xml` for ErpSync, `<Service>.<Operation>.response.xml` for the others.
 */
export const examples: ReadonlyArray<Example> = all.flatMap((service) =>
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
