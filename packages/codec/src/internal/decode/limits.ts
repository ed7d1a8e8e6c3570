/**
 * Decoding limits and their defaults.
 */

/** Limits applied while decoding; each one is checked as the input streams in, never after buffering it. */
export interface Limits {
  /** Deepest element nesting, the root being depth 1. Default 64 (WCF's reader quota is 32, libxml2's 256). */
  readonly maxDepth: number
  /** Characters of decoded text in one message. Default 16 MiB (16,777,216). */
  readonly maxMessageLength: number
  /**
   * Characters between two parser events: one text node, attribute value, comment, CDATA section or tag.
   * Default 4 MiB (4,194,304) (libxml2 allows 10 MB per text node, WCF 8,192 characters per string).
   */
  readonly maxTextLength: number
  /**
   * Attributes on one element, namespace declarations included. Default 1,024: SOAP stacks declare many
   * namespaces on the Envelope (node-soap declares one prefix per type reference of the WSDL, over 150
   * for ErpSync).
   */
  readonly maxAttributes: number
  /** Items in one array or dictionary. Default 1,048,576. */
  readonly maxItems: number
}

/** The default limits: every real message passes, abuse stops early. */
export const defaultLimits: Limits = {
  maxDepth: 64,
  maxMessageLength: 16 * 1024 * 1024,
  maxTextLength: 4 * 1024 * 1024,
  maxAttributes: 1024,
  maxItems: 1024 * 1024
}

/** The default limits overridden by the given ones. */
export const resolveLimits = (limits: Partial<Limits> | undefined): Limits =>
  // Stryker disable next-line ConditionalExpression: spreading undefined adds nothing: a copy of the defaults
  limits === undefined ? defaultLimits : { ...defaultLimits, ...limits }
