/**
 * The command line's names for the registry's messages and operations: a message by its `wsdl:message`
 * name (`SaveConnectionRequest`, SoPrincipal's shared `AuthenticateResponse`), an operation by its name
 * (`TestConnectionById`); either as `<Service>.<Name>` too, which is how a name two services share is told
 * apart.
 */
import type { Service } from "@erpsync/codec"
import { services, versions } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import { InputError } from "./input.js"
import { didYouMean } from "./suggest.js"

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
export const messages: ReadonlyArray<[string, Schema.Codec<unknown, unknown>]> = named(
  all.flatMap((service) =>
    Object.entries(service.messages).map(([name, schema]) => [service.name, name, schema] as const)
  )
)

/**
 * Every operation of the latest version (Services88's are a superset of Services86's), by the names the
 * command line accepts; a call is made with the operation of the version the client speaks.
 */
export const operations: ReadonlyArray<[string, Service.AnyOperation]> = named(
  (Object.values(versions.Services88) as ReadonlyArray<Service.AnyService>).flatMap((service) =>
    Object.values(service.operations).map((o) => [service.name, o.name, o] as const)
  )
)

/**
 * The entry of `entries` named `name`, or an `InputError` that suggests the names closest to it (and
 * says which command lists them all).
 */
export const lookup = <A>(
  kind: "operation" | "message",
  entries: ReadonlyArray<[string, A]>,
  name: string
): Effect.Effect<A, InputError> => {
  const found = entries.find(([entry]) => entry === name)
  if (found !== undefined) return Effect.succeed(found[1])
  // Qualified names (`ErpSync.SyncAll`) are suggested for a qualified name only.
  const candidates = entries.map(([entry]) => entry).filter((entry) => name.includes(".") || !entry.includes("."))
  const list = kind === "operation"
    ? "erpsync operations lists them"
    : "they are <Operation>Request and <Operation>Response"
  return Effect.fail(
    new InputError({
      reason: "UnknownName",
      detail: `no ${kind} is named ${JSON.stringify(name)}${didYouMean(name, candidates)}; ${list}`
    })
  )
}
