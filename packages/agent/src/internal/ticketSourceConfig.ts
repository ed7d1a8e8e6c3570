/**
 * The ticket source's configuration: the first way to get a ticket whose variables are set, a value set but
 * invalid a failure, and none set the configuration missing.
 */
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import type { SuperIdEnvironment, SystemUserOptions, TicketSourceConfig } from "../TicketSource.js"

const optional = <A>(config: Config.Config<A>): Config.Config<A | undefined> =>
  Config.option(config).pipe(Config.map(Option.getOrUndefined))

/** The first of `configs` that is set, else `last`: missing when it is missing too. A value set but invalid fails. */
const firstSet = <A>(configs: ReadonlyArray<Config.Config<A>>, last: Config.Config<A>): Config.Config<A> =>
  configs.reduceRight<Config.Config<A>>(
    (rest, config) =>
      Config.option(config).pipe(
        Config.flatMap(Option.match({ onNone: () => rest, onSome: (value) => Config.succeed(value) }))
      ),
    last
  )

/** A configuration error whose message is `message`. */
const invalid = (message: string): Config.ConfigError =>
  new Config.ConfigError(new Schema.SchemaError(new SchemaIssue.InvalidValue({ message })))

const loginConfig = Config.all({
  url: optional(Config.String("ERPSYNC_SOPRINCIPAL_URL")),
  lifetime: optional(Config.Duration("ERPSYNC_TICKET_LIFETIME"))
})

const ticketConfig: Config.Config<TicketSourceConfig> = Config.Redacted("ERPSYNC_TICKET").pipe(
  Config.map((ticket) => ({ _tag: "Ticket", ticket }))
)

const usernamePasswordConfig: Config.Config<TicketSourceConfig> = Config.all({
  username: Config.String("ERPSYNC_USERNAME"),
  password: Config.Redacted("ERPSYNC_PASSWORD"),
  login: loginConfig
}).pipe(Config.map(({ login, ...credentials }) => ({ _tag: "UsernamePassword", ...credentials, ...login })))

const accessTokenConfig: Config.Config<TicketSourceConfig> = Config.all({
  accessToken: Config.Redacted("ERPSYNC_ACCESS_TOKEN"),
  restAuthorization: optional(Config.Literals(["Bearer", "SOTicket"], "ERPSYNC_REST_AUTHORIZATION")),
  login: loginConfig
}).pipe(
  Config.map(({ accessToken, login, restAuthorization }) => ({
    _tag: "AccessToken",
    accessToken,
    restAuthorization,
    ...login
  }))
)

const environments = ["sod", "qaonline", "online"] as const satisfies ReadonlyArray<SuperIdEnvironment>

/** The system user token, the last way to get a ticket: when it is missing too, its error names every way. */
const systemUserToken = Config.schema(
  Schema.Redacted(
    Schema.String.annotate({
      message: "no way to get a ticket is configured: set ERPSYNC_TICKET, ERPSYNC_USERNAME with ERPSYNC_PASSWORD, " +
        "ERPSYNC_ACCESS_TOKEN, or ERPSYNC_SYSTEM_USER_TOKEN"
    })
  ),
  "ERPSYNC_SYSTEM_USER_TOKEN"
)

const systemUserConfig: Config.Config<TicketSourceConfig> = Config.all({
  systemUserToken,
  privateKey: Config.String("ERPSYNC_PRIVATE_KEY_FILE").pipe(
    Config.map((file): SystemUserOptions["privateKey"] => ({ file })),
    Config.orElse(() => Config.Redacted("ERPSYNC_PRIVATE_KEY"))
  ),
  applicationToken: Config.Redacted("ERPSYNC_APPLICATION_TOKEN"),
  contextIdentifier: optional(Config.String("ERPSYNC_CONTEXT_IDENTIFIER")),
  superIdUrl: optional(Config.String("ERPSYNC_SUPERID_URL")),
  environment: optional(Config.Literals(environments, "ERPSYNC_SUPERID_ENVIRONMENT")),
  lifetime: optional(Config.Duration("ERPSYNC_TICKET_LIFETIME"))
}).pipe(
  Config.mapEffect(({ environment, superIdUrl, ...rest }): Effect.Effect<TicketSourceConfig, Config.ConfigError> =>
    superIdUrl !== undefined && environment !== undefined
      ? Effect.fail(invalid("set ERPSYNC_SUPERID_URL or ERPSYNC_SUPERID_ENVIRONMENT, not both"))
      : Effect.succeed({
        _tag: "SystemUser",
        ...rest,
        ...(superIdUrl === undefined ? { environment } : { superIdUrl })
      })
  )
)

/** `TicketSource.config`. */
export const ticketSourceConfig: Config.Config<TicketSourceConfig> = firstSet(
  [ticketConfig, usernamePasswordConfig, accessTokenConfig],
  systemUserConfig
)
