/**
 * `erpsync conformance`: laws about the service itself, run against any ErpSync endpoint. Without
 * `--allow-writes` only reading operations are called, with generated arguments. With it, the command
 * creates a connector entity and connections of its own, checks that what it saves is what it reads back,
 * and deletes everything it created, also when a law fails or the run is interrupted; it never changes
 * what it did not create.
 */
import { type ErpSyncClient, type ErpSyncError, TicketSource } from "@erpsync/agent"
import type { Service } from "@erpsync/codec"
import { ErpSync, services } from "@erpsync/schema"
import * as Arbitrary from "effect/Arbitrary"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as fc from "effect/FastCheck"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import { isDeepStrictEqual } from "node:util"
import type { ConformanceArgs } from "../commands.js"
import { makeClient, withClient } from "./client.js"

/**
 * Laws failed, or none matched `--only`.
 *
 * @since 0.3.0
 * @category errors
 */
export class ConformanceError extends Schema.TaggedError<ConformanceError>("@erpsync/cli/ConformanceError")(
  "ConformanceError",
  { reason: Schema.Literal("LawsFailed", "NoLaw"), detail: Schema.String }
) {
  override get message(): string {
    return `${this.reason}: ${this.detail}`
  }
}

type Client = ErpSyncClient.ErpSyncClientService

/** A law's verdict: held, or what broke it. */
type Verdict = { readonly held: true } | { readonly held: false; readonly detail: string }

interface ServiceLaw {
  readonly name: string
  readonly writes: boolean
  readonly check: (context: Context) => Effect.Effect<Verdict, ErpSyncError.ErpSyncError>
}

interface Context {
  readonly client: Client
  /** The same endpoint, with a ticket the service never issued. */
  readonly stranger: Client
  readonly runs: number
  readonly seed: number
  /** A connector entity this run created (with `--allow-writes`). */
  readonly connectorId: number
  /** Records a connection this run created, so that it is deleted at the end. */
  readonly created: (id: number) => void
  /** Runs an effect from a property's promise; the cleanup waits for the last one and starts no more. */
  readonly runPromise: <A>(effect: Effect.Effect<A, ErpSyncError.ErpSyncError>) => Promise<A>
}

const held: Verdict = { held: true }
const broken = (detail: string): Verdict => ({ held: false, detail })

const show = (value: unknown): string => {
  const text = JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? `${v}` : v)) ?? String(value)
  return text.length > 300 ? `${text.slice(0, 297)}...` : text
}

/** The reading operations: nothing they do changes the installation. */
const reading = (Object.values(services) as ReadonlyArray<Service.AnyService>).flatMap((service) =>
  Object.values(service.operations).filter((operation) => /^(Get|CanDelete|Supports)/.test(operation.name))
)

const bodies = (operation: Service.AnyOperation, runs: number, seed: number): ReadonlyArray<unknown> =>
  fc.sample(
    Arbitrary.make(operation.request as Schema.Schema<{ readonly Body: unknown }, unknown>).map((m) => m.Body),
    { numRuns: runs, seed }
  )

const call = (client: Client, operation: Service.AnyOperation, body: unknown) =>
  client.call(operation as never, body as never) as Effect.Effect<unknown, ErpSyncError.ErpSyncError>

/** An answer that is not a typed in-band refusal breaks the read laws; a refusal is the service's answer. */
const inBand = (error: ErpSyncError.ErpSyncError): boolean => error._tag === "ServiceError"

/** The members of a connection the service gives back as it was given. */
const KEPT = [
  "ErpConnectorId",
  "DisplayName",
  "DisplayDescription",
  "Active",
  "ConfigFields",
  "Deleted",
  "AllAccess",
  "UserGroupAccessIds",
  "AssociateAccessIds"
] as const

const differences = (sent: ErpSync.ErpConnection, read: ErpSync.ErpConnection): ReadonlyArray<string> =>
  KEPT.filter((member) => !isDeepStrictEqual(sent[member], read[member])).map((member) =>
    `${member}: sent ${show(sent[member])}, read back ${show(read[member])}`
  )

/** A nillable string kept as generated, or made the empty string or nil: what a lossy service confuses. */
const edge = fc.constantFrom("kept" as const, "empty" as const, "nil" as const)
const edged = (value: string | null, how: "kept" | "empty" | "nil") =>
  how === "kept" ? value : how === "empty" ? "" : null

/**
 * Connections as the schema generates them, with the edges a service may lose made common: names that are
 * empty or nil, and ConfigFields pairs whose value is empty or nil.
 */
const connectionValues = fc.tuple(
  Arbitrary.make(ErpSync.ErpConnection),
  edge,
  edge,
  fc.constantFrom([], [{ Key: "erpsync-empty", Value: "" }], [{ Key: "erpsync-nil", Value: null }])
).map(([connection, name, description, pairs]): ErpSync.ErpConnection => ({
  ...connection,
  DisplayName: edged(connection.DisplayName, name),
  DisplayDescription: edged(connection.DisplayDescription, description),
  ConfigFields: connection.ConfigFields === null
    ? null
    : [...connection.ConfigFields.filter((pair) => !pair.Key?.startsWith("erpsync-")), ...pairs]
}))

/** A generated connection made one of the run's: new, for the run's connector entity. */
const forRun = (context: Context, value: ErpSync.ErpConnection): ErpSync.ErpConnection => ({
  ...value,
  ErpConnectionId: 0,
  ErpConnectorId: context.connectorId,
  ConnectionId: null,
  Deleted: false,
  TableRight: null,
  FieldProperties: null
})

/** The first of the run's connections (and the second, for an update), the same ones for the same seed. */
const firstConnections = (context: Context, count: number): ReadonlyArray<ErpSync.ErpConnection> =>
  fc.sample(connectionValues, { numRuns: count, seed: context.seed }).map((value) => forRun(context, value))

/**
 * Saves a connection and records it for deletion. Not interruptible: a save the service has made must be
 * known, or an interrupted run would leave it behind.
 */
const save = (context: Context, connection: ErpSync.ErpConnection) =>
  Effect.uninterruptible(
    Effect.tap(
      context.client.saveConnection(connection),
      (saved) => Effect.sync(() => context.created(saved.ErpConnectionId))
    )
  )

const laws: ReadonlyArray<ServiceLaw> = [
  {
    name: "every answer to a reading operation is a valid message, or a typed refusal in band",
    writes: false,
    check: ({ client, runs, seed }) =>
      Effect.gen(function*() {
        for (const operation of reading) {
          for (const body of bodies(operation, Math.max(1, Math.round(runs / 4)), seed)) {
            const answer = yield* Effect.either(call(client, operation, body))
            if (answer._tag === "Left" && !inBand(answer.left)) {
              return broken(
                `${operation.service}.${operation.name}(${show(body)}): ${answer.left._tag}: ${answer.left.message}`
              )
            }
          }
        }
        return held
      })
  },
  {
    name: "a read asked twice is answered the same",
    writes: false,
    check: ({ client, seed }) =>
      Effect.gen(function*() {
        for (const operation of reading) {
          const body = bodies(operation, 1, seed)[0]
          const encode = Schema.encode(operation.response as Schema.Schema<unknown, unknown>)
          const once = yield* Effect.either(Effect.flatMap(call(client, operation, body), encode))
          const twice = yield* Effect.either(Effect.flatMap(call(client, operation, body), encode))
          const outcome = (e: typeof once) => (e._tag === "Right" ? e.right : e.left._tag)
          if (!isDeepStrictEqual(outcome(once), outcome(twice))) {
            return broken(`${operation.name}(${show(body)}): ${show(outcome(once))}, then ${show(outcome(twice))}`)
          }
        }
        return held
      }).pipe(Effect.orDie)
  },
  {
    name: "a call with a ticket the service does not know is refused as TicketSource.isTicketRejected expects",
    writes: false,
    check: ({ stranger }) =>
      Effect.gen(function*() {
        const answer = yield* Effect.either(stranger.getConnection(0))
        if (answer._tag === "Right") return broken("GetConnection answered with a ticket it never issued")
        if (answer.left._tag !== "ServiceError") return broken(`refused with ${answer.left._tag}, not in band`)
        return TicketSource.isTicketRejected(answer.left)
          ? held
          : broken(
            `refused with ${show(answer.left.exceptions.map((e) => e.ExceptionType))}, not an AuthenticationException`
          )
      })
  },
  {
    name: "SaveConnection keeps what it is given: GetConnection reads it back (empty, nil, order and text kept)",
    writes: true,
    // A property, so that a connection that is not read back is shrunk to the smallest one that is not.
    check: (context) =>
      Effect.promise(() =>
        fc.check(
          fc.asyncProperty(connectionValues.map((value) => forRun(context, value)), async (connection) => {
            const lost = await context.runPromise(
              Effect.gen(function*() {
                const saved = yield* save(context, connection)
                const read = yield* context.client.getConnection(saved.ErpConnectionId)
                const lost = Option.isNone(read) ? ["saved, then not found"] : differences(connection, read.value)
                return lost.map((what) => `connection ${saved.ErpConnectionId}: ${what}`)
              })
            )
            if (lost.length > 0) throw new Error(lost.join("; "))
          }),
          { numRuns: context.runs, seed: context.seed }
        )
      ).pipe(Effect.map((details) => (details.failed ? broken(fc.defaultReportMessage(details) ?? "failed") : held)))
  },
  {
    name: "an update is read back",
    writes: true,
    check: (context) =>
      Effect.gen(function*() {
        const [first, second] = firstConnections(context, 2)
        const saved = yield* save(context, first!)
        const update = { ...second!, ErpConnectionId: saved.ErpConnectionId }
        yield* context.client.saveConnection(update)
        const read = yield* context.client.getConnection(saved.ErpConnectionId)
        if (Option.isNone(read)) return broken(`connection ${saved.ErpConnectionId}: updated, then not found`)
        const lost = differences(update, read.value)
        return lost.length === 0 ? held : broken(`connection ${saved.ErpConnectionId}: ${lost.join("; ")}`)
      })
  },
  {
    name: "ToggleErpConnectionActive flips Active, and a second call flips it back",
    writes: true,
    check: (context) =>
      Effect.gen(function*() {
        const saved = yield* save(context, { ...firstConnections(context, 1)[0]!, Active: true })
        const states: Array<boolean | undefined> = []
        for (let i = 0; i < 2; i++) {
          yield* context.client.ErpSync.ToggleErpConnectionActive({ ErpConnectionId: saved.ErpConnectionId })
          const read = yield* context.client.getConnection(saved.ErpConnectionId)
          states.push(Option.getOrUndefined(Option.map(read, (c) => c.Active)))
        }
        return isDeepStrictEqual(states, [false, true]) ? held : broken(`Active after each toggle: ${show(states)}`)
      })
  },
  {
    name: "after DeleteConnection, GetConnection gives nil",
    writes: true,
    check: (context) =>
      Effect.gen(function*() {
        const saved = yield* save(context, firstConnections(context, 1)[0]!)
        yield* context.client.deleteConnection(saved.ErpConnectionId)
        const read = yield* context.client.getConnection(saved.ErpConnectionId)
        return Option.isNone(read) ? held : broken(`connection ${saved.ErpConnectionId} read after its deletion`)
      })
  }
]

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
      const runtime = yield* Effect.runtime<never>()
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
          const running = Runtime.runPromise(runtime)(effect)
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
          onFailure: (cause) => {
            const error = cause._tag === "Fail" ? cause.error : undefined
            return error === undefined ? "the law could not run" : `${error._tag}: ${error.message}`
          }
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
