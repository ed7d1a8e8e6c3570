/**
 * One SoPrincipal login: `AuthenticateUsernamePassword` or `AuthenticateWithAccessToken` over the same
 * transport as the ErpSync calls, its in-band failures turned into an `AuthenticationError`.
 */
import type { ErpSync } from "@erpsync/schema"
import { versions } from "@erpsync/schema"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import * as Redacted from "effect/Redacted"
import { AuthenticationError, ConfigurationError, type ErpSyncError, type ServiceError } from "../ErpSyncError.js"
import { shownUrl } from "./endpoint.js"
import { asCall, call, type CallSettings } from "./transport.js"
import { versionOf } from "./version.js"

/** What to log in with. */
export type Credentials =
  | {
    readonly _tag: "UsernamePassword"
    readonly username: string
    readonly password: Redacted.Redacted<string>
  }
  | { readonly _tag: "AccessToken"; readonly accessToken: Redacted.Redacted<string> }

const fromServiceError = (error: ServiceError, username: string | null): AuthenticationError =>
  new AuthenticationError({
    reason: error.reason === "ExceptionInfo" ? "ExceptionInfo" : "NotSucceeded",
    operation: error.operation,
    username,
    detail: error.detail,
    exceptionType: error.exceptionType,
    exceptions: error.exceptions
  })

/** Logs in at the SoPrincipal of the version its endpoint names, and gives the ticket, within `timeout`. */
export const login = (
  client: HttpClient.HttpClient,
  settings: CallSettings,
  timeout: Duration.Duration,
  credentials: Credentials,
  applicationToken: Redacted.Redacted<string> | undefined
): Effect.Effect<Redacted.Redacted<string>, ErpSyncError> => {
  const resolved = versionOf(settings.url, undefined)
  if ("refused" in resolved) {
    return Effect.fail(
      new ConfigurationError({
        reason: "Version",
        operation: null,
        url: shownUrl(settings.url),
        detail: resolved.refused
      })
    )
  }
  const SoPrincipal = versions[resolved.version].SoPrincipal.operations
  const header = applicationToken === undefined ? {} : { ApplicationToken: Redacted.value(applicationToken) }
  const username = credentials._tag === "UsernamePassword" ? credentials.username : null
  const exchange = credentials._tag === "UsernamePassword"
    ? call(client, settings, SoPrincipal.AuthenticateUsernamePassword, {
      Header: header,
      Body: { UserName: credentials.username, Password: Redacted.value(credentials.password) }
    })
    : call(client, settings, SoPrincipal.AuthenticateWithAccessToken, {
      Header: header,
      Body: { AccessToken: Redacted.value(credentials.accessToken) }
    })
  const declared = credentials._tag === "UsernamePassword"
    ? SoPrincipal.AuthenticateUsernamePassword
    : SoPrincipal.AuthenticateWithAccessToken
  const operation = declared.name
  const refused = (reason: AuthenticationError["reason"], detail: string) =>
    new AuthenticationError({ reason, operation, username, detail, exceptionType: null, exceptions: [] })
  return exchange.pipe(
    Effect.catchTag("ServiceError", (error) => Effect.fail(fromServiceError(error, username))),
    Effect.flatMap((value) => {
      const body = value.Body
      if (!body.AuthenticationSucceeded) {
        return Effect.fail(refused("NotAuthenticated", "the service did not authenticate these credentials"))
      }
      const ticket = ticketOf(body.Credentials)
      return ticket === undefined
        ? Effect.fail(refused("NoTicket", "the service authenticated but gave no ticket"))
        : Effect.succeed(Redacted.make(ticket))
    }),
    Effect.tap(() =>
      Effect.logDebug("SoPrincipal: authenticated").pipe(
        Effect.annotateLogs({ operation, ...(username === null ? {} : { username }) })
      )
    ),
    asCall(declared, settings, timeout)
  )
}

const ticketOf = (credentials: ErpSync.SoCredentials | null): string | undefined =>
  credentials === null || credentials.Ticket === null || credentials.Ticket === "" ? undefined : credentials.Ticket
