/**
 * `erpsync serve`: the local ErpSync server (and its SoPrincipal endpoint, and SuperID for a system user),
 * until stopped.
 */
import { ErpSyncServer } from "@erpsync/testing"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { ServeArgs } from "../commands.js"
import { InputError, readText } from "../input.js"

/** The system user SuperID knows: `--system-user-token` with `--app-public-key`, both or neither. */
const systemUserOf = (options: ServeArgs) =>
  Effect.gen(function*() {
    if (Option.isNone(options.systemUserToken) && Option.isNone(options.appPublicKey)) return undefined
    if (Option.isNone(options.systemUserToken) || Option.isNone(options.appPublicKey)) {
      return yield* new InputError({
        reason: "Missing",
        detail: "--system-user-token and --app-public-key go together"
      })
    }
    const file = options.appPublicKey.value
    const applicationPublicKey = yield* readText(file)
    if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(applicationPublicKey)) {
      return yield* new InputError({ reason: "Invalid", detail: `--app-public-key: ${file} holds no PEM public key` })
    }
    return {
      systemUserToken: options.systemUserToken.value,
      applicationPublicKey,
      contextIdentifier: Option.getOrUndefined(options.contextIdentifier)
    }
  })

/** Serves until interrupted, after printing the ErpSync endpoint's URL on the first line. */
export const serve = (options: ServeArgs) =>
  Effect.scoped(
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({
        port: options.port,
        host: options.host,
        ticket: Option.getOrUndefined(Option.map(options.ticket, Redacted.value)),
        username: Option.getOrUndefined(options.username),
        password: Option.getOrUndefined(Option.map(options.password, Redacted.value)),
        accessToken: Option.getOrUndefined(Option.map(options.accessToken, Redacted.value)),
        ticketLifetime: Option.getOrUndefined(options.ticketLifetime),
        systemUser: yield* systemUserOf(options)
      })
      yield* Console.log(server.url)
      if (Option.isSome(options.systemUserToken)) {
        yield* Console.log(`SuperID: ${server.superIdUrl}`)
        yield* Console.log(`Tenant: ${server.tenantUrl}`)
      }
      return yield* Effect.never
    })
  )
