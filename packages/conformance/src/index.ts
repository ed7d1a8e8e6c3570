/**
 * The codec's laws as property tests of any annotated message schema, and what they are built from.
 *
 * @since 0.3.0
 */

/**
 * The laws of a message schema, to run in any test runner.
 *
 * @since 0.3.0
 */
export * as Laws from "./Laws.js"

/**
 * A document written otherwise (prefixes, default namespace, `xsi:type`, indentation) and cut into chunks.
 *
 * @since 0.3.0
 */
export * as Variants from "./Variants.js"

/**
 * A WSDL's XML Schemas as files, and validation of envelopes against them with `xmllint`.
 *
 * @since 0.3.0
 */
export * as XmlSchemas from "./XmlSchemas.js"
