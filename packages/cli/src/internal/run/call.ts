/**
 * `erpsync call <Operation>`: any operation of the registry, with the request body read as JSON (the shape
 * `decode` prints under `Body`; members left out take their defaults, as absent elements do) and the response
 * body printed as JSON. A ticket is asked for only when the operation's requests carry one.
 */
import type { ErpSyncError } from "@erpsync/agent/ErpSyncError"
import type { Service } from "@erpsync/codec"
import { takesTicket, versions } from "@erpsync/schema"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { CallArgs } from "../commands.js"
import { InputError, readJson } from "../input.js"
import { completeMessage, fromJson, jsonOf } from "../json.js"
import { lookup, operations } from "../registry.js"
import { withClient } from "./client.js"

const bodyOf = (message: unknown): unknown => (message as { readonly Body: unknown }).Body

/**
 * The request body's JSON: from `--body`, `--body-file` (or FILE), or standard input when it is not a
 * terminal. In a terminal with none of them, nothing is waited for: an operation without request members
 * takes `{}`, and one with members is told how to give them.
 */
const requestJson = (options: CallArgs, operation: Service.AnyOperation): Effect.Effect<unknown, InputError> => {
  const body = Option.getOrUndefined(options.body)
  const files = [Option.getOrUndefined(options.bodyFile), Option.getOrUndefined(options.file)].filter((f) =>
    f !== undefined
  )
  if ((body === undefined ? 0 : 1) + files.length > 1) {
    return Effect.fail(
      new InputError({ reason: "Invalid", detail: "give the request body once: --body, --body-file or FILE" })
    )
  }
  if (body !== undefined) {
    return Effect.try({
      try: () => JSON.parse(body) as unknown,
      catch: (e) => new InputError({ reason: "Json", detail: `--body: ${e instanceof Error ? e.message : String(e)}` })
    })
  }
  if (files.length > 0 || process.stdin.isTTY !== true) return readJson(files[0])
  type Fields = { readonly fields: Readonly<Record<string, unknown>> }
  const members = Object.keys(((operation.request as unknown as Fields).fields["Body"] as Fields).fields)
  return members.length === 0 ? Effect.succeed({}) : Effect.fail(
    new InputError({
      reason: "Missing",
      detail: `${operation.name} takes ${members.join(", ")}: give the request body as --body '{"${
        members[0]
      }": …}', --body-file FILE, or on standard input`
    })
  )
}

/** Calls the operation with the body read, printing the response body. */
export const call = (options: CallArgs) =>
  Effect.gen(function*() {
    const operation = yield* lookup("operation", operations, options.operation)
    const json = yield* requestJson(options, operation)
    // Members of the body left out take their defaults, as an absent element does on the wire. The body is
    // checked as part of a whole message, so that errors name its path from `Body`.
    const request = yield* fromJson(operation.request)(completeMessage({ Body: json }))
    // The typed call of the version the client speaks (over the wire it was given): an operation that
    // version lacks is its ConfigurationError; the answer is printed in that version's form.
    const { response, schema } = yield* withClient(
      options,
      (client) => {
        type Calls = Record<string, Record<string, (body: unknown) => Effect.Effect<unknown, ErpSyncError>>>
        const atVersion = (versions[client.version] as Readonly<Record<string, Service.AnyService>>)[operation.service]
          ?.operations[operation.name]
        return Effect.map(
          (client as unknown as Calls)[operation.service]![operation.name]!(bodyOf(request)),
          (body) => ({ response: { Header: {}, Body: body }, schema: atVersion?.response ?? operation.response })
        )
      },
      takesTicket(operation)
    )
    const encoded = yield* jsonOf(schema)(response).pipe(Effect.orDie)
    yield* Console.log(JSON.stringify(bodyOf(encoded), null, 2))
  })
