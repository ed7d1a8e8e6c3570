/**
 * The laws `erpsync conformance` checks against an ErpSync endpoint: the reading laws call only reading
 * operations, with generated arguments; the writing laws save connections of the run's own (recorded
 * through the context, so that the run deletes them) and check what is read back.
 */
import type { ErpSyncClient, ErpSyncError } from "@erpsync/agent"
import type { Service } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { ErpSync, services } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { isDeepStrictEqual } from "node:util"

type Client = ErpSyncClient.ErpSyncClientService

/** A law's verdict: held, or what broke it. */
type Verdict = { readonly held: true } | { readonly held: false; readonly detail: string }

/** A law about the service: its name, whether it writes, and its check. */
export interface ServiceLaw {
  readonly name: string
  readonly writes: boolean
  readonly check: (context: Context) => Effect.Effect<Verdict, ErpSyncError.ErpSyncError>
}

/** What a law runs with. */
export interface Context {
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
    Arbitrary.make(operation.request as Schema.Codec<{ readonly Body: unknown }, unknown>).map((m) => m.Body),
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

const differences = (sent: ErpSyncClient.Connection, read: ErpSyncClient.Connection): ReadonlyArray<string> =>
  KEPT.filter((member) => !isDeepStrictEqual(sent[member], read[member])).map((member) =>
    `${member}: sent ${show(sent[member])}, read back ${show(read[member])}`
  )

/** A nillable string kept as generated, or made the empty string or nil: what a lossy service confuses. */
/** Text of `length` code points, of the characters the laws use: XML-special, non-ASCII, astral. */
const longText = (length: number): string => {
  const pattern = [..."Visma & <Co> \"AS\" – blåbær ÆØÅ 😀 ]]> 'x' "]
  return Array.from({ length }, (_, i) => pattern[i % pattern.length]).join("")
}

/** Long enough to catch a column that cuts a name or a value short: hundreds to thousands of characters. */
const long = fc.integer({ min: 256, max: 4000 })

const edge = fc.oneof(fc.constantFrom("kept" as const, "empty" as const, "nil" as const), long)
const edged = (value: string | null, how: "kept" | "empty" | "nil" | number) =>
  typeof how === "number" ? longText(how) : how === "kept" ? value : how === "empty" ? "" : null

/**
 * Connections as the schema generates them, with the edges a service may lose made common: names that are
 * empty, nil or thousands of characters long, and ConfigFields pairs whose value is empty, nil or long.
 */
const connectionValues = fc.tuple(
  Arbitrary.make(ErpSync.ErpConnection),
  edge,
  edge,
  fc.oneof(
    fc.constantFrom([], [{ Key: "erpsync-empty", Value: "" }], [{ Key: "erpsync-nil", Value: null }]),
    long.map((length) => [{ Key: "erpsync-long", Value: longText(length) }])
  )
).map(([connection, name, description, pairs]): ErpSync.ErpConnection => ({
  ...connection,
  DisplayName: edged(connection.DisplayName, name),
  DisplayDescription: edged(connection.DisplayDescription, description),
  ConfigFields: connection.ConfigFields === null
    ? null
    // A .NET dictionary has no null key (nor has a JSON object): the WSDL's nillable Key is never one.
    : [...connection.ConfigFields.filter((pair) => pair.Key !== null && !pair.Key.startsWith("erpsync-")), ...pairs]
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

/** The laws, reading ones first. */
export const laws: ReadonlyArray<ServiceLaw> = [
  {
    name: "every answer to a reading operation is a valid message, or a typed refusal in band",
    writes: false,
    check: ({ client, runs, seed }) =>
      Effect.gen(function*() {
        for (const operation of reading) {
          for (const body of bodies(operation, Math.max(1, Math.round(runs / 4)), seed)) {
            const answer = yield* Effect.result(call(client, operation, body))
            if (Result.isFailure(answer) && !inBand(answer.failure)) {
              return broken(
                `${operation.service}.${operation.name}(${
                  show(body)
                }): ${answer.failure._tag}: ${answer.failure.message}`
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
          const encode = Schema.encodeEffect(operation.response)
          const once = yield* Effect.result(Effect.flatMap(call(client, operation, body), encode))
          const twice = yield* Effect.result(Effect.flatMap(call(client, operation, body), encode))
          const outcome = (r: typeof once) => (Result.isSuccess(r) ? r.success : r.failure._tag)
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
        const answer = yield* Effect.result(stranger.getConnection(0))
        if (Result.isSuccess(answer)) return broken("GetConnection answered with a ticket it never issued")
        const refusal = answer.failure
        // The client reads a refusal TicketSource.isTicketRejected recognises as a rejected ticket.
        if (refusal._tag === "AuthenticationError" && refusal.reason === "TicketRejected") return held
        if (refusal._tag !== "ServiceError") return broken(`refused with ${refusal._tag}, not in band`)
        return broken(
          `refused with ${show(refusal.exceptions.map((e) => e.ExceptionType))}, not an AuthenticationException`
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
      ).pipe(Effect.map((details) => {
        if (!details.failed) return held
        // What the smallest failing connection lost, then fast-check's report (counterexample, seed, shrinks).
        const lost = details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance)
        return broken(`${lost}\n${fc.defaultReportMessage(details) ?? ""}`.trimEnd())
      }))
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
