/**
 * The XML namespaces of SuperOffice NetServer Services86 and Services88.
 *
 * @since 0.1.0
 */

/**
 * The target namespace of the Services86 schemas (ErpSync, SoPrincipal): `elementFormDefault="qualified"`.
 *
 * @since 0.1.0
 */
export const Services86 = "http://www.superoffice.net/ws/crm/NetServer/Services86" as const

/**
 * The target namespace of the Services88 schemas.
 *
 * @since 1.0.0
 */
export const Services88 = "http://www.superoffice.net/ws/crm/NetServer/Services88" as const

/**
 * The namespace of .NET data contract arrays (`ArrayOfint`, `ArrayOfstring`).
 *
 * @since 0.1.0
 */
export const Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays" as const

/**
 * The namespace of .NET data contract serialization (`ser:` types and attributes).
 *
 * @since 0.1.0
 */
export const Serialization = "http://schemas.microsoft.com/2003/10/Serialization/" as const
