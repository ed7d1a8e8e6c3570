/**
 * `erpsync save-connection`, `get-connection` and `delete-connection`: the client on the command line.
 * `--url`, `--ticket` and `--application-token` fall back to `ERPSYNC_URL`, `ERPSYNC_TICKET` and
 * `ERPSYNC_APPLICATION_TOKEN`.
 */
import { Args, Command, Options } from "@effect/cli"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { ErpConnection } from "@erpsync/schema"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as ErpSyncClient from "../../ErpSyncClient.js"
import { readJson } from "./input.js"

const url = Options.text("url").pipe(
  Options.withDescription("The ErpSync endpoint (…/Remote/Services86/ErpSync.svc)"),
  Options.withFallbackConfig(Config.string("ERPSYNC_URL"))
)
const ticket = Options.redacted("ticket").pipe(
  Options.withDescription("The session ticket"),
  Options.withFallbackConfig(Config.redacted("ERPSYNC_TICKET"))
)
const applicationToken = Options.redacted("application-token").pipe(
  Options.withDescription("The application token (Online installations)"),
  Options.withFallbackConfig(Config.redacted("ERPSYNC_APPLICATION_TOKEN")),
  Options.optional
)
const soapVersion = Options.choice("soap-version", ["1.1", "1.2"]).pipe(
  Options.withDescription("The SOAP version to call with"),
  Options.withDefault("1.1" as const)
)
const timeout = Options.integer("timeout").pipe(
  Options.withDescription("Deadline of the call, in seconds"),
  Options.withDefault(30)
)
const connection = { url, ticket, applicationToken, soapVersion, timeout }
const id = Args.integer({ name: "ID" }).pipe(Args.withDescription("The ErpConnectionId"))

type ConnectionOptions = Command.Command.ParseConfig<typeof connection>

const withClient = <A, E>(
  options: ConnectionOptions,
  f: (client: ErpSyncClient.ErpSyncClientService) => Effect.Effect<A, E>
) =>
  ErpSyncClient.make({
    url: options.url,
    ticket: options.ticket,
    applicationToken: Option.getOrUndefined(options.applicationToken),
    soapVersion: options.soapVersion,
    timeout: `${options.timeout} seconds`
  }).pipe(Effect.flatMap(f), Effect.provide(FetchHttpClient.layer))

const printConnection = (value: ErpConnection | null) =>
  Schema.encode(Schema.NullOr(ErpConnection))(value).pipe(
    Effect.orDie,
    Effect.flatMap((json) => Console.log(JSON.stringify(json, null, 2)))
  )

/** `save-connection [FILE|-]`: an ErpConnection as JSON in, the saved one out. */
export const saveConnection = Command.make(
  "save-connection",
  { ...connection, file: Args.file({ name: "FILE" }).pipe(Args.optional) },
  (options) =>
    readJson(Option.getOrUndefined(options.file)).pipe(
      Effect.flatMap(Schema.decodeUnknown(ErpConnection)),
      Effect.flatMap((value) => withClient(options, (client) => client.saveConnection(value))),
      Effect.flatMap(printConnection)
    )
).pipe(Command.withDescription("Save a connection (JSON from FILE or standard input) and print the saved one"))

/** `get-connection ID`: the connection as JSON, or `null`. */
export const getConnection = Command.make(
  "get-connection",
  { ...connection, id },
  (options) =>
    withClient(options, (client) => client.getConnection(options.id)).pipe(
      Effect.flatMap((found) => printConnection(Option.getOrNull(found)))
    )
).pipe(Command.withDescription("Print the connection with the given id as JSON (null when there is none)"))

/** `delete-connection ID`. */
export const deleteConnection = Command.make(
  "delete-connection",
  { ...connection, id },
  (options) => withClient(options, (client) => client.deleteConnection(options.id))
).pipe(Command.withDescription("Delete the connection with the given id"))
