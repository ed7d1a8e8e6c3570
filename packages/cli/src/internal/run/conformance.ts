/**
 * `erpsync conformance`: laws about the service itself, run against any ErpSync endpoint. Without
 * `--allow-writes` only reading operations are called, with generated arguments. With it, the command
 * creates a connector entity and connections of its own, checks that what it saves is what it reads back,
 * and deletes everything it created, also when a law fails or the run is interrupted; it never changes
 * what it did not create.
 */
import { TicketSource } from "@erpsync/agent"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type { ConformanceArgs } from "../commands.js"
import { makeClient, withClient } from "./client.js"
import { type Context, laws } from "./serviceLaws.js"

/**
 * Laws failed, or none matched `--only`.
 *
 * @since 0.3.0
 * @category errors
 */
export class ConformanceError extends Schema.TaggedError<ConformanceError>("@erpsync/cli/ConformanceError")(
  "ConformanceError",
  { reason: Schema.Literals(["LawsFailed", "NoLaw"]), detail: Schema.String }
) {
  override get message(): string {
    return `${this.reason}: ${this.detail}`
  }
}

/** Runs the laws, prints one line each, and deletes what it created. */
export const conformance = (options: ConformanceArgs) =>
  withClient(options, (client) =>
    Effect.gen(function*() {
      const seed = Option.getOrElse(options.seed, () => Math.floor(Math.random() * 2 ** 31))
      const selected = laws.filter((law) =>
        (options.allowWrites || !law.writes) &&
        Option.match(options.only, { onNone: () => true, onSome: (only) => law.name.includes(only) })
      )
      if (selected.length === 0) {
        return yield* new ConformanceError({ reason: "NoLaw", detail: "no law matches --only (and --allow-writes)" })
      }
      const createdConnections = new Set<number>()
      // What a property started: the cleanup starts no more, and waits for the last to end.
      let stopped = false
      let inFlight: Promise<unknown> = Promise.resolve()
      const services = yield* Effect.context<never>()
      // The connector entity the written connections point to, created (and deleted) by this run.
      const connectorId = options.allowWrites
        ? yield* Effect.acquireRelease(
          Effect.gen(function*() {
            const entity = yield* client.ErpSync.CreateDefaultErpSyncConnectorEntity({})
            const saved = yield* client.ErpSync.SaveErpSyncConnectorEntity({
              ErpSyncConnectorEntity: {
                ...entity.Response!,
                DisplayName: "erpsync conformance (deleted after the run)",
                URL: "https://erpsync-conformance.invalid/"
              }
            })
            return saved.Response!.ErpConnectorId
          }),
          (id) =>
            Effect.gen(function*() {
              stopped = true
              yield* Effect.promise(() => inFlight)
              for (const connection of createdConnections) {
                yield* Effect.ignore(client.deleteConnection(connection))
              }
              yield* Effect.ignore(client.ErpSync.DeleteErpSyncConnectorEntity({ ErpSyncConnectorEntityId: id }))
              yield* Console.log(
                `deleted what this run created: ${createdConnections.size} connections and connector entity ${id}`
              )
            })
        )
        : 0
      const stranger = yield* makeClient(
        options,
        TicketSource.fixed(Redacted.make("7T:erpsync-conformance-unknown-ticket"))
      )
      const context: Context = {
        client,
        stranger,
        runs: options.runs,
        seed,
        connectorId,
        created: (id) => void createdConnections.add(id),
        runPromise: (effect) => {
          if (stopped) return Promise.reject(new Error("the run was stopped"))
          const running = Effect.runPromiseWith(services)(effect)
          inFlight = running.then(() => undefined, () => undefined)
          return running
        }
      }
      let failed = 0
      // On a terminal, the law running is shown on a line of its own, replaced by its verdict.
      const progress = process.stdout.isTTY === true
      for (const [index, law] of selected.entries()) {
        if (progress) {
          yield* Effect.sync(() => process.stdout.write(`  (${index + 1}/${selected.length}) ${law.name}…\r`))
        }
        const verdict = yield* Effect.exit(law.check(context))
        if (progress) yield* Effect.sync(() => process.stdout.write("\u001b[2K"))
        const detail = Exit.match(verdict, {
          onSuccess: (v) => (v.held ? undefined : v.detail),
          onFailure: (cause) =>
            Option.match(Cause.findErrorOption(cause), {
              onNone: () => "the law could not run",
              onSome: (error) => `${error._tag}: ${error.message}`
            })
        })
        if (detail !== undefined) failed++
        yield* Console.log(detail === undefined ? `PASS  ${law.name}` : `FAIL  ${law.name}\n      ${detail}`)
      }
      yield* Console.log(
        `${selected.length - failed} of ${selected.length} laws held (seed ${seed}; replay with --seed ${seed})`
      )
      if (failed > 0) {
        return yield* new ConformanceError({
          reason: "LawsFailed",
          detail: `${failed} of ${selected.length} laws failed`
        })
      }
    }).pipe(Effect.scoped))
