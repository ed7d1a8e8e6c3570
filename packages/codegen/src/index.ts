/**
 * @since 0.1.0
 */

/**
 * The generator: WSDLs in, annotated Effect Schema declarations out.
 *
 * @since 0.1.0
 */
export * as Codegen from "./Codegen.js"
