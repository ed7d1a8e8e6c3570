/**
 * What the local server does for each operation, declared by service and `SOAPAction`: the ErpSync
 * operations over the connection store, and the SoPrincipal logins that issue tickets.
 */
import type { Headers, Operation } from "@erpsync/schema"
import { ErpSync, SoPrincipal } from "@erpsync/schema"
import type { Sessions } from "./sessions.js"
import type { ConnectionStore } from "./store.js"

/** The headers of a successful response. */
const succeeded: Headers.ResponseHeader = { Succeeded: true }

/** An in-band service error, as NetServer reports one: `ExceptionInfo` with `Succeeded` = false. */
export const serviceFailure = (message: string, exceptionType: string): Headers.ResponseHeader => ({
  ExceptionInfo: {
    Message: message,
    StackTrace: null,
    FriendlyText: message,
    ExceptionType: exceptionType,
    Source: "SuperOffice.Services86",
    InnerException: null,
    Parameters: null
  },
  Succeeded: false
})

/** What a handler works with. */
export interface ServerState {
  readonly store: ConnectionStore
  readonly sessions: Sessions
  /** The time of the request, in epoch milliseconds. */
  readonly now: number
}

/** An operation the server serves: decode with `operation.request`, answer with `operation.response`. */
export interface Served<Request, Response> {
  readonly operation: Operation.Operation<Request, Response>
  readonly handle: (request: Request, state: ServerState) => Response
  /** For operations that need a ticket: the response when it is refused. */
  readonly unauthenticated?: (header: Headers.ResponseHeader) => Response
}

const served = <Request, Response>(s: Served<Request, Response>): Served<unknown, unknown> =>
  s as unknown as Served<unknown, unknown>

const byAction = (list: ReadonlyArray<Served<unknown, unknown>>): ReadonlyMap<string, Served<unknown, unknown>> =>
  new Map(list.map((s) => [s.operation.action, s]))

/** The ErpSync operations, by `SOAPAction`. */
const erpSync = byAction([
  served({
    operation: ErpSync.SaveConnection,
    handle: (request, { store }) => {
      const connection = request.Body.Connection
      if (connection === null) {
        return {
          Header: serviceFailure("SaveConnection needs a connection", "System.ArgumentNullException"),
          Body: { Response: null }
        }
      }
      const saved = store.save(connection)
      return saved === undefined
        ? {
          Header: serviceFailure(
            `There is no ErpConnection with id ${connection.ErpConnectionId}`,
            "SuperOffice.CRM.EntityNotFoundException"
          ),
          Body: { Response: null }
        }
        : { Header: succeeded, Body: { Response: saved } }
    },
    unauthenticated: (Header) => ({ Header, Body: { Response: null } })
  }),
  served({
    operation: ErpSync.GetConnection,
    handle: (request, { store }) => ({
      Header: succeeded,
      Body: { Response: store.get(request.Body.ErpConnectionId) ?? null }
    }),
    unauthenticated: (Header) => ({ Header, Body: { Response: null } })
  }),
  served({
    operation: ErpSync.DeleteConnection,
    handle: (request, { store }) => {
      store.delete(request.Body.ErpConnectionId)
      return { Header: succeeded, Body: {} }
    },
    unauthenticated: (Header) => ({ Header, Body: {} })
  })
])

/** The principal of the one user the server knows. */
const principal = (name: string): SoPrincipal.SoPrincipalCarrier => ({
  UserType: "InternalAssociate",
  Associate: name,
  AssociateId: 1,
  IsPerson: true,
  PersonId: 1,
  CountryId: 578,
  HomeCountryId: 578,
  ContactId: 1,
  GroupId: 1,
  BusinessId: 0,
  CategoryId: 0,
  ContactOwner: 0,
  RoleId: 1,
  RoleName: "ERP integration",
  RoleDescription: null,
  RoleType: "Employee",
  Licenses: [],
  FullName: name,
  EMailAddress: null,
  FunctionRights: [],
  EjUserId: 0,
  EjAccessLevel: 0,
  EjUserStatus: "StatusNone",
  ProvidedCredentials: [],
  SecondaryGroups: [],
  DatabaseContextIdentifier: null
})

const authenticated = (name: string, ticket: string): SoPrincipal.AuthenticateResponse => ({
  Header: succeeded,
  Body: { Response: principal(name), Credentials: { Ticket: ticket }, AuthenticationSucceeded: true }
})

/** The SoPrincipal operations, by `SOAPAction`. */
const soPrincipal = byAction([
  served({
    operation: SoPrincipal.AuthenticateUsernamePassword,
    // A wrong password: `AuthenticationSucceeded` = false, as the vendor's example shows.
    handle: (request, { now, sessions }): SoPrincipal.AuthenticateResponse => {
      const { Password, UserName } = request.Body
      const ticket = sessions.loginWithPassword(UserName, Password, now)
      return ticket === undefined
        ? { Header: succeeded, Body: { Response: null, Credentials: null, AuthenticationSucceeded: false } }
        : authenticated(UserName ?? "", ticket)
    }
  }),
  served({
    operation: SoPrincipal.AuthenticateWithAccessToken,
    // A wrong access token: an `ExceptionInfo`, the other way NetServer reports a failed login.
    handle: (request, { now, sessions }): SoPrincipal.AuthenticateResponse => {
      const ticket = sessions.loginWithAccessToken(request.Body.AccessToken, now)
      return ticket === undefined
        ? {
          Header: serviceFailure("The access token is not valid", "SoAuthenticationException"),
          Body: { Response: null, Credentials: null, AuthenticationSucceeded: false }
        }
        : authenticated("access-token-user", ticket)
    }
  })
])

/**
 * The operations served at a path: SoPrincipal's at a path ending in `SoPrincipal.svc`, ErpSync's at
 * any other.
 */
export const operationsAt = (path: string): ReadonlyMap<string, Served<unknown, unknown>> =>
  /\/soprincipal\.svc\/?$/i.test(path) ? soPrincipal : erpSync
