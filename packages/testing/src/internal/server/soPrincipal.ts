/**
 * What the local server does for each SoPrincipal operation: logins that issue tickets for the
 * configured user and access token, and the system information of a local installation.
 */
import { SoPrincipal, SoPrincipal88 } from "@erpsync/schema"
import { type Handlers, refuse, serve } from "./dispatch.js"

/** The principal of the one user the server knows. */
const principal = (name: string): SoPrincipal88.SoPrincipalCarrier => ({
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

type Answer = SoPrincipal88.AuthenticateResponse["Body"]

/** A login's answer: the principal and its new ticket, or `AuthenticationSucceeded` = false. */
const authenticated = (name: string | null, ticket: string | undefined): Answer =>
  ticket === undefined
    ? { Response: null, Credentials: null, AuthenticationSucceeded: false }
    : { Response: principal(name ?? ""), Credentials: { Ticket: ticket }, AuthenticationSucceeded: true }

const handlers: Handlers<typeof SoPrincipal88.service> = {
  GetSystemInfo: () => ({
    SystemInfo: {
      TableRight: null,
      FieldProperties: null,
      License: null,
      WarningEnglish: null,
      WarningResource: null,
      BranchName: "local",
      BuildLabel: "erpsync local server",
      AssemblyVersion: null,
      AccumulatedNextCheckDate: "0001-01-01T00:00:00",
      FileVersion: null,
      Description: "The erpsync library's local model of ErpSync and SoPrincipal",
      DaysUntilNetServerExpiry: 0,
      BuildType: "Release",
      DatabaseVersion: 0,
      IsUnicode: true,
      CompanyName: null,
      CompanyId: 0,
      DatabaseType: null,
      DatabaseMinor: null,
      DatabaseName: null,
      IsOnTravel: false,
      IsSatellite: false
    }
  }),
  // There is no ambient identity (Windows or integrated login) on a local server.
  AuthenticateImplicit: () => authenticated(null, undefined),
  // A wrong password: `AuthenticationSucceeded` = false, as the vendor's example shows.
  AuthenticateUsernamePassword: ({ Password, UserName }, { now, sessions }) =>
    authenticated(UserName, sessions.loginWithPassword(UserName, Password, now)),
  // `UserName` and `Password`, or `AccessToken`, as keys of the authentication data.
  AuthenticateGeneric: ({ AuthenticationData }, { now, sessions }) => {
    const value = (key: string) => AuthenticationData?.find((pair) => pair.Key === key)?.Value ?? null
    const accessToken = value("AccessToken")
    return accessToken !== null
      ? authenticated("access-token-user", sessions.loginWithAccessToken(accessToken, now))
      : authenticated(value("UserName"), sessions.loginWithPassword(value("UserName"), value("Password"), now))
  },
  // A wrong access token: an `ExceptionInfo`, the other way NetServer reports a failed login.
  AuthenticateWithAccessToken: ({ AccessToken }, { now, sessions }) => {
    const ticket = sessions.loginWithAccessToken(AccessToken, now)
    return ticket === undefined
      ? refuse("The access token is not valid", "SoAuthenticationException")
      : authenticated("access-token-user", ticket)
  }
}

/** The SoPrincipal operations of each version, by `SOAPAction` (one set of handlers, as for ErpSync). */
export const soPrincipal = {
  Services86: serve(SoPrincipal.service, handlers as unknown as Handlers<typeof SoPrincipal.service>),
  Services88: serve(SoPrincipal88.service, handlers)
}
