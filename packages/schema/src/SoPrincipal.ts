/**
 * The SoPrincipal operations that give a ticket: `AuthenticateUsernamePassword` and
 * `AuthenticateWithAccessToken` (`Remote/Services86/SoPrincipal.svc`, binding `BasicHttpBinding_SoPrincipal`),
 * declared from the WSDL like the ErpSync ones: no codec code.
 *
 * @since 0.1.0
 */
import { Soap, Xml, Xsd } from "@erpsync/codec"
import * as Schema from "effect/Schema"
import { CarrierFields } from "./Carrier.js"
import { ArrayOfint, ArrayOfstring } from "./Collections.js"
import { ApplicationTokenField, ResponseHeaderFields, SoCredentials } from "./Headers.js"
import { contract, member, nullableString } from "./internal/declare.js"
import * as Namespaces from "./Namespaces.js"
import * as Operation from "./Operation.js"

const enumeration = <const Values extends readonly [string, ...Array<string>]>(name: string, values: Values) =>
  Xsd.enumeration(values, name, Namespaces.Services86)

/**
 * `UserType`.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const UserType = enumeration("UserType", [
  "Unknown",
  "InternalAssociate",
  "ResourceAssociate",
  "ExternalAssociate",
  "AnonymousAssociate",
  "SystemAssociate"
])

/**
 * `RoleType`.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const RoleType = enumeration("RoleType", ["Employee", "ExternalUser", "Anonymous", "System"])

/**
 * `LicenseType`.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const LicenseType = enumeration("LicenseType", ["Unknown", "SiteLicense", "SatelliteLicense", "UserLicense"])

/**
 * `EjUserStatus`.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const EjUserStatus = enumeration("EjUserStatus", [
  "StatusNone",
  "StatusNormal",
  "StatusNotAvailable",
  "StatusDeleted",
  "StatusReadOnly",
  "StatusSpm",
  "StatusSystem"
])

/**
 * `GrantedModuleLicense` (extends `Carrier`): a licence granted to the user.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const GrantedModuleLicense = contract("GrantedModuleLicense", {
  ...CarrierFields,
  OwnerId: member(Xsd.int),
  OwnerName: nullableString(),
  OwnerDescription: nullableString(),
  ModuleId: member(Xsd.int),
  Name: nullableString(),
  Description: nullableString(),
  Version: nullableString(),
  LicenseType: member(LicenseType),
  ExtraFlags: member(Xsd.int),
  SortOrder: member(Xsd.int),
  LicenseNumber: member(Xsd.int),
  IsHidden: member(Xsd.boolean),
  IsUnrestricted: member(Xsd.boolean),
  ExpiryDate: member(Xsd.dateTime)
})

/**
 * @since 0.1.0
 * @category SoPrincipal
 */
export interface GrantedModuleLicense extends Schema.Schema.Type<typeof GrantedModuleLicense> {}

/**
 * `ProvidedCredential`.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const ProvidedCredential = contract("ProvidedCredential", {
  Type: nullableString(),
  SearchName: nullableString(),
  DisplayName: nullableString(),
  CredentialId: member(Xsd.int)
})

/**
 * @since 0.1.0
 * @category SoPrincipal
 */
export interface ProvidedCredential extends Schema.Schema.Type<typeof ProvidedCredential> {}

const arrayOf = <A, I>(name: string, item: string, schema: Schema.Schema<A, I>) =>
  Schema.Array(Schema.NullOr(schema)).annotations({
    ...Xml.items(item, Namespaces.Services86),
    ...Xml.complexType(name, Namespaces.Services86)
  })

/**
 * `SoPrincipalCarrier`: who the authenticated user is, every member of the WSDL type in wire order.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const SoPrincipalCarrier = contract("SoPrincipalCarrier", {
  UserType: member(UserType),
  Associate: nullableString(),
  AssociateId: member(Xsd.int),
  IsPerson: member(Xsd.boolean),
  PersonId: member(Xsd.int),
  CountryId: member(Xsd.int),
  HomeCountryId: member(Xsd.int),
  ContactId: member(Xsd.int),
  GroupId: member(Xsd.int),
  BusinessId: member(Xsd.int),
  CategoryId: member(Xsd.int),
  ContactOwner: member(Xsd.int),
  RoleId: member(Xsd.int),
  RoleName: nullableString(),
  RoleDescription: nullableString(),
  RoleType: member(RoleType),
  Licenses: member(Schema.NullOr(arrayOf("ArrayOfGrantedModuleLicense", "GrantedModuleLicense", GrantedModuleLicense))),
  FullName: nullableString(),
  EMailAddress: nullableString(),
  FunctionRights: member(Schema.NullOr(ArrayOfstring)),
  EjUserId: member(Xsd.int),
  EjAccessLevel: member(Xsd.int),
  EjUserStatus: member(EjUserStatus),
  ProvidedCredentials: member(
    Schema.NullOr(arrayOf("ArrayOfProvidedCredential", "ProvidedCredential", ProvidedCredential))
  ),
  SecondaryGroups: member(Schema.NullOr(ArrayOfint)),
  DatabaseContextIdentifier: nullableString()
})

/**
 * @since 0.1.0
 * @category SoPrincipal
 */
export interface SoPrincipalCarrier extends Schema.Schema.Type<typeof SoPrincipalCarrier> {}

/**
 * The prefix of every SoPrincipal `SOAPAction`.
 *
 * @since 0.1.0
 */
export const ActionPrefix = "http://www.superoffice.net/ws/crm/NetServer/Services86/SoPrincipal/" as const

/**
 * The service endpoint file.
 *
 * @since 0.1.0
 */
export const Service = "SoPrincipal.svc" as const

const request = <Fields extends Schema.Struct.Fields>(name: string, fields: Fields) =>
  Soap.message({ namespace: Namespaces.Services86, header: ApplicationTokenField, body: { name, fields } })

/**
 * `AuthenticateUsernamePassword` request.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const AuthenticateUsernamePasswordRequest = request("AuthenticateUsernamePassword", {
  UserName: nullableString(),
  /** A secret: never log it. */
  Password: nullableString()
})

/**
 * @since 0.1.0
 * @category SoPrincipal
 */
export interface AuthenticateUsernamePasswordRequest
  extends Schema.Schema.Type<typeof AuthenticateUsernamePasswordRequest>
{}

/**
 * `AuthenticateWithAccessToken` request.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const AuthenticateWithAccessTokenRequest = request("AuthenticateWithAccessToken", {
  /** A secret: never log it. */
  AccessToken: nullableString()
})

/**
 * @since 0.1.0
 * @category SoPrincipal
 */
export interface AuthenticateWithAccessTokenRequest
  extends Schema.Schema.Type<typeof AuthenticateWithAccessTokenRequest>
{}

/**
 * `AuthenticateResponse`: the principal, the credentials (the ticket) and whether authentication succeeded.
 *
 * @since 0.1.0
 * @category SoPrincipal
 */
export const AuthenticateResponse = Soap.message({
  namespace: Namespaces.Services86,
  header: ResponseHeaderFields,
  body: {
    name: "AuthenticateResponse",
    fields: {
      Response: member(Schema.NullOr(SoPrincipalCarrier)),
      Credentials: member(Schema.NullOr(SoCredentials)),
      AuthenticationSucceeded: member(Xsd.boolean)
    }
  }
})

/**
 * @since 0.1.0
 * @category SoPrincipal
 */
export interface AuthenticateResponse extends Schema.Schema.Type<typeof AuthenticateResponse> {}

const operation = Operation.service(Service, ActionPrefix)

/**
 * The `AuthenticateUsernamePassword` operation.
 *
 * @since 0.1.0
 * @category operations
 */
export const AuthenticateUsernamePassword = operation(
  "AuthenticateUsernamePassword",
  AuthenticateUsernamePasswordRequest,
  AuthenticateResponse
)

/**
 * The `AuthenticateWithAccessToken` operation.
 *
 * @since 0.1.0
 * @category operations
 */
export const AuthenticateWithAccessToken = operation(
  "AuthenticateWithAccessToken",
  AuthenticateWithAccessTokenRequest,
  AuthenticateResponse
)

/**
 * The message schemas by name.
 *
 * @since 0.1.0
 * @category operations
 */
export const Messages = {
  AuthenticateUsernamePasswordRequest,
  AuthenticateWithAccessTokenRequest,
  AuthenticateResponse
} as const
