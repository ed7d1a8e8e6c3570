/**
 * The command line's names for the registry's messages and operations: a message by its `wsdl:message`
 * name (`SaveConnectionRequest`, SoPrincipal's shared `AuthenticateResponse`), an operation by its name
 * (`TestConnectionById`); either as `<Service>.<Name>` too, which is how a name two services share is told
 * apart.
 */
import type { Service } from "@erpsync/codec"
import { services } from "@erpsync/schema"
import type * as Schema from "effect/Schema"

const named = <A>(entries: ReadonlyArray<readonly [service: string, name: string, value: A]>) => {
  const count = new Map<string, number>()
  for (const [, name] of entries) count.set(name, (count.get(name) ?? 0) + 1)
  const out: Array<[string, A]> = []
  for (const [service, name, value] of entries) {
    if (count.get(name) === 1) out.push([name, value])
    out.push([`${service}.${name}`, value])
  }
  return out
}

const all = Object.values(services) as ReadonlyArray<Service.AnyService>

/** Every message, by the names the command line accepts (plain names first, in registry order). */
export const messages: ReadonlyArray<[string, Schema.Schema<unknown, unknown>]> = named(
  all.flatMap((service) =>
    Object.entries(service.messages).map(([name, schema]) =>
      [service.name, name, schema as Schema.Schema<unknown, unknown>] as const
    )
  )
)

/** Every operation, by the names the command line accepts. */
export const operations: ReadonlyArray<[string, Service.AnyOperation]> = named(
  all.flatMap((service) => Object.values(service.operations).map((o) => [service.name, o.name, o] as const))
)

/** Every operation once, in registry order. */
export const everyOperation: ReadonlyArray<Service.AnyOperation> = all.flatMap((service) =>
  Object.values(service.operations)
)
