/**
 * The command line's grammar: every command with its arguments, options and description. What a command
 * does is in `run/`, loaded only when it runs, so that `--help` and a small `decode` load the parser and
 * that command's code, not the HTTP server, the generator or the client.
 */
import { Args, Command, HelpDoc, Options, ValidationError } from "@effect/cli"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

/** A command's handler, loaded from its module when the command runs. */
const lazy = <M, A, E, R>(load: () => Promise<M>, run: (module: M) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.promise(load), run)

/**
 * A duration as the library takes one (`Duration.DurationInput`): `30 seconds`, `500 millis`, `6 hours`.
 */
const duration = (name: string) =>
  Options.text(name).pipe(
    Options.mapEffect((text) =>
      Option.match(Duration.decodeUnknown(text.trim()), {
        onNone: () => invalid(`--${name}: ${JSON.stringify(text)} is not a duration (e.g. "30 seconds", "500 millis")`),
        onSome: Effect.succeed
      })
    )
  )

const invalid = (text: string) => Effect.fail(ValidationError.invalidValue(HelpDoc.p(text)))

/** One of `values`; a failure names the flag, what was given and what may be. */
const choice = <const A extends readonly [string, ...Array<string>]>(name: string, values: A) =>
  Options.text(name).pipe(
    Options.mapEffect((text) =>
      (values as ReadonlyArray<string>).includes(text)
        ? Effect.succeed(text as A[number])
        : invalid(`--${name}: ${JSON.stringify(text)} is not one of ${values.join(", ")}`)
    )
  )

/** A whole number (`xs:int`'s range); a failure names the argument. */
const wholeNumber = (name: string) =>
  Args.text({ name }).pipe(
    Args.mapEffect((text) =>
      /^[+-]?\d+$/.test(text.trim()) && Math.abs(Number(text)) <= 2147483647
        ? Effect.succeed(Number(text))
        : Effect.fail(
          HelpDoc.p(`${name}: ${JSON.stringify(text)} is not a whole number from -2147483648 to 2147483647`)
        )
    )
  )

// The endpoint, credentials and call settings of every command that calls the service. `--url` and the
// credentials fall back to the environment in the handler, which names the variable when both are missing.
const url = Options.text("url").pipe(
  Options.withDescription("The ErpSync endpoint, …/Remote/Services86/ErpSync.svc (default: ERPSYNC_URL)"),
  Options.optional
)
const ticket = Options.redacted("ticket").pipe(
  Options.withDescription("The session ticket, instead of logging in (default: ERPSYNC_TICKET)"),
  Options.optional
)
const username = Options.text("username").pipe(
  Options.withDescription("Log in through SoPrincipal as this user, with --password (default: ERPSYNC_USERNAME)"),
  Options.optional
)
const password = Options.redacted("password").pipe(
  Options.withDescription("The user's password (default: ERPSYNC_PASSWORD)"),
  Options.optional
)
const accessToken = Options.redacted("access-token").pipe(
  Options.withDescription("Log in through SoPrincipal with this access token (default: ERPSYNC_ACCESS_TOKEN)"),
  Options.optional
)
const soPrincipalUrl = Options.text("soprincipal-url").pipe(
  Options.withDescription(
    "The SoPrincipal endpoint (default: ERPSYNC_SOPRINCIPAL_URL, or SoPrincipal.svc beside the ErpSync endpoint)"
  ),
  Options.optional
)
const applicationToken = Options.redacted("application-token").pipe(
  Options.withDescription(
    "The application token (client secret), for Online tenants and the system-user flow " +
      "(default: ERPSYNC_APPLICATION_TOKEN)"
  ),
  Options.optional
)
const systemUserToken = Options.redacted("system-user-token").pipe(
  Options.withDescription(
    "Get the ticket through SuperOffice Online's system-user flow with this system user token, with " +
      "--private-key and --application-token (default: ERPSYNC_SYSTEM_USER_TOKEN)"
  ),
  Options.optional
)
const privateKey = Options.file("private-key").pipe(
  Options.withDescription(
    "The application's RSA private key, PEM or <RSAKeyValue> XML, for --system-user-token " +
      "(default: ERPSYNC_PRIVATE_KEY_FILE)"
  ),
  Options.optional
)
const contextIdentifier = Options.text("context-identifier").pipe(
  Options.withDescription(
    "The tenant of --system-user-token, e.g. Cust12345 (default: ERPSYNC_CONTEXT_IDENTIFIER, or the " +
      "/Cust12345/ segment of the ErpSync endpoint)"
  ),
  Options.optional
)
const superIdUrl = Options.text("superid-url").pipe(
  Options.withDescription(
    "SuperID's base URL for --system-user-token, e.g. https://sod.superoffice.com (default: ERPSYNC_SUPERID_URL)"
  ),
  Options.optional
)
const environment = choice("environment", ["sod", "qaonline", "online"]).pipe(
  Options.withDescription(
    "SuperID's environment for --system-user-token, instead of --superid-url (default: " +
      "ERPSYNC_SUPERID_ENVIRONMENT, or the ErpSync endpoint's)"
  ),
  Options.optional
)
const soapVersion = choice("soap-version", ["1.1", "1.2"]).pipe(
  Options.withDescription("The SOAP version to call with: 1.1 (the WSDL's binding, the default) or 1.2"),
  Options.withDefault("1.1" as const)
)
const timeout = duration("timeout").pipe(
  Options.withDescription("Deadline of the whole call, logins included, e.g. \"2 minutes\" (default: 30 seconds)"),
  Options.withDefault(Duration.seconds(30))
)

/** The options every command that calls the service takes. */
export const connection = {
  url,
  ticket,
  username,
  password,
  accessToken,
  soPrincipalUrl,
  systemUserToken,
  privateKey,
  contextIdentifier,
  superIdUrl,
  environment,
  applicationToken,
  soapVersion,
  timeout
}

/** The parsed `connection` options. */
export type ConnectionOptions = Command.Command.ParseConfig<typeof connection>

const file = (description: string) => Args.file({ name: "FILE" }).pipe(Args.withDescription(description), Args.optional)

const pretty = Options.boolean("pretty").pipe(Options.withDescription("Indent the output"))

const message = Args.text({ name: "Message" }).pipe(
  Args.withDescription("The message, by its WSDL name (<Operation>Request, <Operation>Response)")
)

const decodeConfig = { message, file: file("Read this file instead of standard input"), pretty }
export type DecodeArgs = Command.Command.ParseConfig<typeof decodeConfig>
const decode = Command.make(
  "decode",
  decodeConfig,
  (args) => lazy(() => import("./run/codec.js"), (run) => run.decode(args))
).pipe(Command.withDescription("Decode a SOAP message (XML on standard input) and print it as JSON"))

const encodeConfig = {
  message,
  file: file("Read this file instead of standard input"),
  pretty,
  soapVersion: choice("soap-version", ["1.1", "1.2"]).pipe(
    Options.withDescription("The SOAP version of the envelope written: 1.1 (the default) or 1.2"),
    Options.withDefault("1.1" as const)
  )
}
export type EncodeArgs = Command.Command.ParseConfig<typeof encodeConfig>
const encode = Command.make(
  "encode",
  encodeConfig,
  (args) => lazy(() => import("./run/codec.js"), (run) => run.encode(args))
).pipe(Command.withDescription("Encode a SOAP message (JSON on standard input) and print the XML envelope"))

const operationsConfig = {
  format: choice("format", ["text", "json", "markdown"]).pipe(
    Options.withDescription("text (default), json or markdown"),
    Options.withDefault("text" as const)
  )
}
export type OperationsArgs = Command.Command.ParseConfig<typeof operationsConfig>
const operations = Command.make(
  "operations",
  operationsConfig,
  (args) => lazy(() => import("./run/operations.js"), (run) => run.operations(args))
).pipe(Command.withDescription("List every operation of every service, its SOAPAction and its request members"))

const callConfig = {
  ...connection,
  operation: Args.text({ name: "Operation" }).pipe(
    Args.withDescription("The operation (see `erpsync operations`), or <Service>.<Operation>")
  ),
  file: file("The request body as JSON (default: standard input)")
}
export type CallArgs = Command.Command.ParseConfig<typeof callConfig>
const call = Command.make(
  "call",
  callConfig,
  (args) => lazy(() => import("./run/call.js"), (run) => run.call(args))
).pipe(
  Command.withDescription(
    "Call any operation: the request body as JSON from FILE or standard input, the response body printed as JSON"
  )
)

const byId = { ...connection, id: wholeNumber("ID").pipe(Args.withDescription("The ErpConnectionId")) }
export type ConnectionIdArgs = Command.Command.ParseConfig<typeof byId>

const saveConnectionConfig = { ...connection, file: file("The connection as JSON (default: standard input)") }
export type SaveConnectionArgs = Command.Command.ParseConfig<typeof saveConnectionConfig>
const saveConnection = Command.make(
  "save-connection",
  saveConnectionConfig,
  (args) => lazy(() => import("./run/client.js"), (run) => run.saveConnection(args))
).pipe(Command.withDescription("Save a connection (JSON from FILE or standard input) and print the saved one"))

const getConnection = Command.make(
  "get-connection",
  byId,
  (args) => lazy(() => import("./run/client.js"), (run) => run.getConnection(args))
).pipe(Command.withDescription("Print the connection with the given id as JSON (null when there is none)"))

const deleteConnection = Command.make(
  "delete-connection",
  byId,
  (args) => lazy(() => import("./run/client.js"), (run) => run.deleteConnection(args))
).pipe(Command.withDescription("Delete the connection with the given id"))

const conformanceConfig = {
  ...connection,
  allowWrites: Options.boolean("allow-writes").pipe(
    Options.withDescription(
      "Also the laws that write: create a connector entity and connections, check them, and delete them"
    )
  ),
  runs: Options.integer("runs").pipe(
    Options.withDescription("Generated cases per law (default 20)"),
    Options.withDefault(20)
  ),
  seed: Options.integer("seed").pipe(
    Options.withDescription("Replay the cases of a run by its seed"),
    Options.optional
  ),
  only: Options.text("only").pipe(
    Options.withDescription("Run only the laws whose name holds this text"),
    Options.optional
  )
}
export type ConformanceArgs = Command.Command.ParseConfig<typeof conformanceConfig>
const conformance = Command.make(
  "conformance",
  conformanceConfig,
  (args) => lazy(() => import("./run/conformance.js"), (run) => run.conformance(args))
).pipe(
  Command.withDescription(
    "Check laws about the service against an endpoint: answers valid and repeatable; with --allow-writes, " +
      "what is saved is what is read back (it deletes what it creates)"
  )
)

const serveConfig = {
  port: Options.integer("port").pipe(
    Options.withDescription("Port to listen on (0: any free port)"),
    Options.withDefault(0)
  ),
  host: Options.text("host").pipe(Options.withDescription("Address to listen on"), Options.withDefault("127.0.0.1")),
  ticket: Options.redacted("ticket").pipe(Options.withDescription("Accept this ticket"), Options.optional),
  username: Options.text("username").pipe(
    Options.withDescription("The user SoPrincipal logs in (with --password)"),
    Options.optional
  ),
  password: Options.redacted("password").pipe(Options.withDescription("The user's password"), Options.optional),
  accessToken: Options.redacted("access-token").pipe(
    Options.withDescription("The access token SoPrincipal accepts"),
    Options.optional
  ),
  ticketLifetime: duration("ticket-lifetime").pipe(
    Options.withDescription("How long an issued ticket is valid, e.g. \"6 hours\" (the default)"),
    Options.optional
  ),
  systemUserToken: Options.text("system-user-token").pipe(
    Options.withDescription("The system user token SuperID accepts (with --app-public-key)"),
    Options.optional
  ),
  appPublicKey: Options.file("app-public-key", { exists: "yes" }).pipe(
    Options.withDescription("The application's public key (PEM) SuperID checks signed system tokens with"),
    Options.optional
  ),
  contextIdentifier: Options.text("context-identifier").pipe(
    Options.withDescription("The tenant SuperID issues tickets for (default: Cust12345)"),
    Options.optional
  )
}
export type ServeArgs = Command.Command.ParseConfig<typeof serveConfig>
const serve = Command.make(
  "serve",
  serveConfig,
  (args) => lazy(() => import("./run/serve.js"), (run) => run.serve(args))
).pipe(
  Command.withDescription(
    "Run a local ErpSync server (SoPrincipal.svc beside it, and SuperID with --system-user-token); prints " +
      "its endpoint URL on the first line (with a system user, SuperID's and the tenant's next), serves until stopped"
  )
)

const demo = Command.make("demo", {}, () => lazy(() => import("./run/demo.js"), (run) => run.demo)).pipe(
  Command.withDescription("Start a local server, save a connection over HTTP, read it back, print the XML")
)

const codegenConfig = {
  wsdl: Args.file({ name: "WSDL", exists: "yes" }).pipe(
    Args.withDescription("A WSDL file; give several in order: a type they share is declared in the first"),
    Args.atLeast(1)
  ),
  out: Options.directory("out").pipe(Options.withDescription("The folder to write the modules to"))
}
export type CodegenArgs = Command.Command.ParseConfig<typeof codegenConfig>
const codegen = Command.make(
  "codegen",
  codegenConfig,
  (args) => lazy(() => import("./run/codegen.js"), (run) => run.codegen(args))
).pipe(Command.withDescription("Generate the declarations of a service from its WSDL (one module per WSDL)"))

/** The root command and its subcommands. */
export const root = Command.make("erpsync").pipe(
  Command.withDescription("Talk to the SuperOffice NetServer ErpSync SOAP service"),
  Command.withSubcommands([
    decode,
    encode,
    operations,
    call,
    saveConnection,
    getConnection,
    deleteConnection,
    conformance,
    serve,
    demo,
    codegen
  ])
)
