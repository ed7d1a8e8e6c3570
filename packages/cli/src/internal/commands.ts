/**
 * The command line's grammar: every command with its arguments, flags and description. What a command
 * does is in `run/`, loaded only when it runs, so that `--help` and a small `decode` load the parser and
 * that command's code, not the HTTP server, the generator or the client.
 */
import { Argument, Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import { examples } from "./examples.js"
import { choice, connection, duration, fileArgument, fileFlag, wholeNumber } from "./flags.js"

/** A command's handler, loaded from its module when the command runs. */
const lazy = <M, A, E, R>(load: () => Promise<M>, run: (module: M) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.promise(load), run)

/** The parsed `connection` flags. */
export type ConnectionOptions = Command.Command.Config.Infer<typeof connection>

const file = (description: string) =>
  fileArgument("FILE").pipe(Argument.withDescription(description), Argument.optional)

const pretty = Flag.Boolean("pretty").pipe(Flag.withDescription("Indent the output"), Flag.withDefault(false))

const message = Argument.String("Message").pipe(
  Argument.withDescription("The message, by its WSDL name (<Operation>Request, <Operation>Response)")
)

const decodeConfig = { message, file: file("Read this file instead of standard input"), pretty }
export type DecodeArgs = Command.Command.Config.Infer<typeof decodeConfig>
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
    Flag.withDescription("The SOAP version of the envelope written: 1.1 (the default) or 1.2"),
    Flag.withDefault("1.1" as const)
  )
}
export type EncodeArgs = Command.Command.Config.Infer<typeof encodeConfig>
const encode = Command.make(
  "encode",
  encodeConfig,
  (args) => lazy(() => import("./run/codec.js"), (run) => run.encode(args))
).pipe(Command.withDescription("Encode a SOAP message (JSON on standard input) and print the XML envelope"))

const operationsConfig = {
  format: choice("format", ["text", "json", "markdown"]).pipe(
    Flag.withDescription("text (default), json or markdown"),
    Flag.withDefault("text" as const)
  )
}
export type OperationsArgs = Command.Command.Config.Infer<typeof operationsConfig>
const operations = Command.make(
  "operations",
  operationsConfig,
  (args) => lazy(() => import("./run/operations.js"), (run) => run.operations(args))
).pipe(Command.withDescription("List every operation of every service, its SOAPAction and its request members"))

const templateConfig = {
  name: Argument.String("Name").pipe(
    Argument.withDescription("An operation (its request body), a message (its body) or a type, e.g. ErpConnection")
  )
}
export type TemplateArgs = Command.Command.Config.Infer<typeof templateConfig>
const template = Command.make(
  "template",
  templateConfig,
  (args) => lazy(() => import("./run/template.js"), (run) => run.template(args))
).pipe(
  Command.withDescription(
    "Print a JSON skeleton to fill in, every member at its default: an operation's request body, a message's body or a type"
  )
)

const callConfig = {
  ...connection,
  operation: Argument.String("Operation").pipe(
    Argument.withDescription("The operation (see `erpsync operations`), or <Service>.<Operation>")
  ),
  file: file("The request body as JSON, as --body-file does (default: standard input)"),
  body: Flag.String("body").pipe(
    Flag.withDescription(`The request body as JSON, e.g. --body '{"ErpConnectionId": 1}'`),
    Flag.optional
  ),
  bodyFile: fileFlag("body-file").pipe(Flag.withDescription("Read the request body from this file"), Flag.optional)
}
export type CallArgs = Command.Command.Config.Infer<typeof callConfig>
const call = Command.make(
  "call",
  callConfig,
  (args) => lazy(() => import("./run/call.js"), (run) => run.call(args))
).pipe(
  Command.withDescription(
    "Call any operation: the request body as JSON (--body, --body-file, FILE or standard input), the response body printed as JSON"
  )
)

const byId = { ...connection, id: wholeNumber("ID").pipe(Argument.withDescription("The ErpConnectionId")) }
export type ConnectionIdArgs = Command.Command.Config.Infer<typeof byId>

const saveConnectionConfig = { ...connection, file: file("The connection as JSON (default: standard input)") }
export type SaveConnectionArgs = Command.Command.Config.Infer<typeof saveConnectionConfig>
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
  allowWrites: Flag.Boolean("allow-writes").pipe(
    Flag.withDescription(
      "Also the laws that write: create a connector entity and connections, check them, and delete them"
    ),
    Flag.withDefault(false)
  ),
  runs: Flag.Int("runs").pipe(
    Flag.withDescription("Generated cases per law (default 20)"),
    Flag.withDefault(20)
  ),
  seed: Flag.Int("seed").pipe(
    Flag.withDescription("Replay the cases of a run by its seed"),
    Flag.optional
  ),
  only: Flag.String("only").pipe(
    Flag.withDescription("Run only the laws whose name holds this text"),
    Flag.optional
  )
}
export type ConformanceArgs = Command.Command.Config.Infer<typeof conformanceConfig>
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
  port: Flag.Int("port").pipe(
    Flag.withDescription("Port to listen on (0: any free port)"),
    Flag.withDefault(0)
  ),
  host: Flag.String("host").pipe(Flag.withDescription("Address to listen on"), Flag.withDefault("127.0.0.1")),
  ticket: Flag.Redacted("ticket").pipe(Flag.withDescription("Accept this ticket"), Flag.optional),
  username: Flag.String("username").pipe(
    Flag.withDescription("The user SoPrincipal logs in (with --password)"),
    Flag.optional
  ),
  password: Flag.Redacted("password").pipe(Flag.withDescription("The user's password"), Flag.optional),
  accessToken: Flag.Redacted("access-token").pipe(
    Flag.withDescription("The access token SoPrincipal accepts"),
    Flag.optional
  ),
  ticketLifetime: duration("ticket-lifetime").pipe(
    Flag.withDescription("How long an issued ticket is valid, e.g. \"6 hours\" (the default)"),
    Flag.optional
  ),
  systemUserToken: Flag.String("system-user-token").pipe(
    Flag.withDescription("The system user token SuperID accepts (with --app-public-key)"),
    Flag.optional
  ),
  appPublicKey: fileFlag("app-public-key", { mustExist: true }).pipe(
    Flag.withDescription("The application's public key (PEM) SuperID checks signed system tokens with"),
    Flag.optional
  ),
  contextIdentifier: Flag.String("context-identifier").pipe(
    Flag.withDescription("The tenant SuperID issues tickets for (default: Cust12345)"),
    Flag.optional
  )
}
export type ServeArgs = Command.Command.Config.Infer<typeof serveConfig>
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

const demoConfig = {
  xml: Flag.Boolean("xml").pipe(
    Flag.withDescription("Show the XML envelope of each exchange (secrets redacted)"),
    Flag.withDefault(false)
  )
}
export type DemoArgs = Command.Command.Config.Infer<typeof demoConfig>
const demo = Command.make("demo", demoConfig, (args) => lazy(() => import("./run/demo.js"), (run) => run.demo(args)))
  .pipe(
    Command.withDescription(
      "Learn what an integration does, step by step, against a local server: a login for a ticket, a " +
        "connector registered, a connection saved and read back"
    )
  )

const codegenConfig = {
  wsdl: fileArgument("WSDL", { mustExist: true }).pipe(
    Argument.withDescription("A WSDL file; give several in order: a type they share is declared in the first"),
    Argument.atLeast(1)
  ),
  out: Flag.String("out").pipe(
    Flag.withMetavar("directory"),
    Flag.withDescription("The folder to write the modules to")
  ),
  reuse: Flag.String("reuse").pipe(
    Flag.withMetavar("namespace"),
    Flag.withDescription(
      "The namespace of an earlier version of the services: a later WSDL uses its declarations where they agree"
    ),
    Flag.atLeast(0)
  )
}
export type CodegenArgs = Command.Command.Config.Infer<typeof codegenConfig>
const codegen = Command.make(
  "codegen",
  codegenConfig,
  (args) => lazy(() => import("./run/codegen.js"), (run) => run.codegen(args))
).pipe(Command.withDescription("Generate the declarations of a service from its WSDL (one module per WSDL)"))

/** A command with its examples (`examples.ts`). */
const exemplified = <Name extends string, Input, ContextInput, E, R>(
  command: Command.Command<Name, Input, ContextInput, E, R>
) => Command.withExamples(command, examples[command.name] ?? [])

/** The root command and its subcommands. */
export const root = Command.make("erpsync").pipe(
  Command.withDescription("Talk to the SuperOffice NetServer ErpSync service, over SOAP or the REST WebAPI"),
  Command.withExamples(examples["erpsync"] ?? []),
  Command.withSubcommands([
    exemplified(decode),
    exemplified(encode),
    exemplified(operations),
    exemplified(call),
    exemplified(template),
    exemplified(saveConnection),
    exemplified(getConnection),
    exemplified(deleteConnection),
    exemplified(conformance),
    exemplified(serve),
    exemplified(demo),
    exemplified(codegen)
  ])
)
