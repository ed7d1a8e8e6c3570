/**
 * @since 0.1.0
 */

/**
 * Element, complex type, item and root annotations.
 *
 * @since 0.1.0
 */
export * as Xml from "./Xml.js"

/**
 * XSD simple types with their lexical rules.
 *
 * @since 0.1.0
 */
export * as Xsd from "./Xsd.js"

/**
 * The types of .NET's data contract serialization: `duration`, `guid`, `char` and dictionaries.
 *
 * @since 0.2.0
 */
export * as DataContract from "./DataContract.js"

/**
 * SOAP message declarations.
 *
 * @since 0.1.0
 */
export * as Soap from "./Soap.js"

/**
 * A SOAP service as data: its header blocks and the record of its operations.
 *
 * @since 0.2.0
 */
export * as Service from "./Service.js"

/**
 * Decode and encode with any annotated schema.
 *
 * @since 0.1.0
 */
export * as XmlCodec from "./XmlCodec.js"

/**
 * The codec's errors.
 *
 * @since 0.1.0
 */
export * as XmlError from "./XmlError.js"

/**
 * The JSON codec: the JSON form of any annotated schema, from the same plan as the XML codec's, as
 * SuperOffice's REST WebAPI reads and writes it.
 *
 * @since 1.0.0
 */
export * as JsonCodec from "./JsonCodec.js"

/**
 * The JSON codec's typed errors.
 *
 * @since 1.0.0
 */
export * as JsonError from "./JsonError.js"
