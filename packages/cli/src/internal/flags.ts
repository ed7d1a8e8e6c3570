/**
 * The flags and arguments the commands share, and the kinds of value the command line reads: durations as
 * the library takes them, one of a few words, whole numbers, and files (kept as the user wrote them, `-`
 * for standard input). A value that is not one says so in one line that names the flag or argument.
 */
import { Argument, CliError, Flag } from "effect/cli"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FileSystem from "effect/FileSystem"
import * as Option from "effect/Option"

const invalid = (message: string) => Effect.fail(new CliError.ValidationError({ message }))

/**
 * A duration as the library takes one (`Duration.Input`): `30 seconds`, `500 millis`, `6 hours`.
 */
export const duration = (name: string): Flag.Flag<Duration.Duration> =>
  Flag.String(name).pipe(
    Flag.withMetavar("duration"),
    Flag.mapEffect((text) =>
      Option.match(Duration.fromInput(text.trim() as Duration.Input), {
        onNone: () => invalid(`--${name}: ${JSON.stringify(text)} is not a duration (e.g. "30 seconds", "500 millis")`),
        onSome: Effect.succeed
      })
    )
  )

/** One of `values`; a failure names the flag, what was given and what may be. */
export const choice = <const A extends readonly [string, ...Array<string>]>(
  name: string,
  values: A
): Flag.Flag<A[number]> =>
  Flag.String(name).pipe(
    Flag.withMetavar(values.join("|")),
    Flag.mapEffect((text) =>
      (values as ReadonlyArray<string>).includes(text)
        ? Effect.succeed(text as A[number])
        : invalid(`--${name}: ${JSON.stringify(text)} is not one of ${values.join(", ")}`)
    )
  )

/** A whole number (`xs:int`'s range); a failure names the argument. */
export const wholeNumber = (name: string): Argument.Argument<number> =>
  Argument.String(name).pipe(
    Argument.withMetavar("integer"),
    Argument.mapEffect((text) =>
      /^[+-]?\d+$/.test(text.trim()) && Math.abs(Number(text)) <= 2147483647
        ? Effect.succeed(Number(text))
        : invalid(`${name}: ${JSON.stringify(text)} is not a whole number from -2147483648 to 2147483647`)
    )
  )

/** Fails unless `path` names something that exists. */
const exists = (label: string) => (path: string) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const found = yield* fs.exists(path).pipe(Effect.orElseSucceed(() => false))
    return found ? path : yield* invalid(`${label}: ${JSON.stringify(path)} does not exist`)
  })

/**
 * A file named by a flag, as written (not made absolute): what is printed and reported names it as the
 * user did. With `mustExist`, a file that does not exist is refused before the command runs.
 */
export const fileFlag = (name: string, options?: { readonly mustExist?: boolean }): Flag.Flag<string> => {
  const flag = Flag.String(name).pipe(Flag.withMetavar("file"))
  return options?.mustExist === true ? Flag.mapEffect(flag, exists(`--${name}`)) : flag
}

/** A file named by an argument, as written; `-` is standard input for the commands that read one. */
export const fileArgument = (name: string, options?: { readonly mustExist?: boolean }): Argument.Argument<string> => {
  const argument = Argument.String(name).pipe(Argument.withMetavar("file"))
  return options?.mustExist === true ? Argument.mapEffect(argument, exists(name)) : argument
}

// The endpoint, credentials and call settings of every command that calls the service. `--url` and the
// credentials fall back to the environment in the handler, which names the variable when both are missing.

/** The options every command that calls the service takes. */
export const connection = {
  url: Flag.String("url").pipe(
    Flag.withDescription(
      "The ErpSync endpoint, …/Remote/Services88/ErpSync.svc, or with --transport rest the WebAPI, …/api/ " +
        "(default: ERPSYNC_URL)"
    ),
    Flag.optional
  ),
  transport: choice("transport", ["soap", "rest"]).pipe(
    Flag.withDescription("The wire: soap (ErpSync.svc, the default) or rest (the WebAPI) (default: ERPSYNC_TRANSPORT)"),
    Flag.optional
  ),
  ticket: Flag.Redacted("ticket").pipe(
    Flag.withDescription("The session ticket, instead of logging in (default: ERPSYNC_TICKET)"),
    Flag.optional
  ),
  username: Flag.String("username").pipe(
    Flag.withDescription("Log in through SoPrincipal as this user, with --password (default: ERPSYNC_USERNAME)"),
    Flag.optional
  ),
  password: Flag.Redacted("password").pipe(
    Flag.withDescription("The user's password (default: ERPSYNC_PASSWORD)"),
    Flag.optional
  ),
  accessToken: Flag.Redacted("access-token").pipe(
    Flag.withDescription("Log in through SoPrincipal with this access token (default: ERPSYNC_ACCESS_TOKEN)"),
    Flag.optional
  ),
  soPrincipalUrl: Flag.String("soprincipal-url").pipe(
    Flag.withDescription(
      "The SoPrincipal endpoint (default: ERPSYNC_SOPRINCIPAL_URL, or SoPrincipal.svc beside the ErpSync endpoint)"
    ),
    Flag.optional
  ),
  systemUserToken: Flag.Redacted("system-user-token").pipe(
    Flag.withDescription(
      "Get the ticket through SuperOffice Online's system-user flow with this system user token, with " +
        "--private-key and --application-token (default: ERPSYNC_SYSTEM_USER_TOKEN)"
    ),
    Flag.optional
  ),
  privateKey: fileFlag("private-key").pipe(
    Flag.withDescription(
      "The application's RSA private key, PEM or <RSAKeyValue> XML, for --system-user-token " +
        "(default: ERPSYNC_PRIVATE_KEY_FILE)"
    ),
    Flag.optional
  ),
  contextIdentifier: Flag.String("context-identifier").pipe(
    Flag.withDescription(
      "The tenant of --system-user-token, e.g. Cust12345 (default: ERPSYNC_CONTEXT_IDENTIFIER, or the " +
        "/Cust12345/ segment of the ErpSync endpoint)"
    ),
    Flag.optional
  ),
  superIdUrl: Flag.String("superid-url").pipe(
    Flag.withDescription(
      "SuperID's base URL for --system-user-token, e.g. https://sod.superoffice.com (default: ERPSYNC_SUPERID_URL)"
    ),
    Flag.optional
  ),
  environment: choice("environment", ["sod", "qaonline", "online"]).pipe(
    Flag.withDescription(
      "SuperID's environment for --system-user-token, instead of --superid-url (default: " +
        "ERPSYNC_SUPERID_ENVIRONMENT, or the ErpSync endpoint's)"
    ),
    Flag.optional
  ),
  applicationToken: Flag.Redacted("application-token").pipe(
    Flag.withDescription(
      "The application token (client secret), for Online tenants and the system-user flow " +
        "(default: ERPSYNC_APPLICATION_TOKEN)"
    ),
    Flag.optional
  ),
  soapVersion: choice("soap-version", ["1.1", "1.2"]).pipe(
    Flag.withDescription("The SOAP version to call with: 1.1 (the WSDL's binding, the default) or 1.2"),
    Flag.withDefault("1.1" as const)
  ),
  timeout: duration("timeout").pipe(
    Flag.withDescription("Deadline of the whole call, logins included, e.g. \"2 minutes\" (default: 30 seconds)"),
    Flag.withDefault(Duration.seconds(30))
  )
}
