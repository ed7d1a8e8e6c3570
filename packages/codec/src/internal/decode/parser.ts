/**
 * The saxes parser as the tokenizer hands documents over to it: XML 1.0 only, handlers shared by every
 * parser, and its properties kept fast. Namespaces are the decoder's own (`scope.ts`): saxes's would build
 * objects for every tag and walk the open elements for every prefix.
 */
import { SaxesParser } from "saxes"
import type { SaxesTag } from "saxes"

/** What receives the events of a document: the decoder (or, in tests, a recorder of them). */
export interface Sink {
  onError(error: Error): void
  onXmlDecl(version: string | undefined, encoding: string | undefined): void
  onDoctype(): void
  onProcessingInstruction(target: string): void
  onAttribute(): void
  onOpenTag(tag: SaxesTag): void
  onCloseTag(): void
  onText(text: string): void
}

/** saxes 6's handler fields, as `on` names them. */
interface SaxesHandlerFields {
  errorHandler: unknown
  xmldeclHandler: unknown
  doctypeHandler: unknown
  piHandler: unknown
  attributeHandler: unknown
  openTagHandler: unknown
  closeTagHandler: unknown
  textHandler: unknown
  cdataHandler: unknown
}

/**
 * saxes's `on` stores each handler with a keyed store (`this[name] = handler`); after a few of those V8
 * turns the parser into a dictionary-mode object, and every field access in saxes's hot loop gets several
 * times slower. Declaring the handler fields first, with named stores, keeps the properties fast; the
 * handlers are still registered through the public `on`. (With other field names this only costs speed.)
 */
// Stryker disable BlockStatement: the fields exist either way; declared here, saxes's objects keep one shape
const declareHandlerFields = (parser: object): void => {
  const fields = parser as SaxesHandlerFields
  fields.errorHandler = undefined
  fields.xmldeclHandler = undefined
  fields.doctypeHandler = undefined
  fields.piHandler = undefined
  fields.attributeHandler = undefined
  fields.openTagHandler = undefined
  fields.closeTagHandler = undefined
  fields.textHandler = undefined
  fields.cdataHandler = undefined
}
// Stryker restore BlockStatement

/**
 * The sink (the decoder) whose parser is running: saxes calls handlers synchronously inside `write` and
 * `close`, and the decoder sets this around those calls (saving and restoring it, should a refinement decode another
 * document). The handlers are module functions shared by every parser: closures made per decoder would be
 * new functions for every document, and V8 drops optimised code that inlined a function once it is
 * collected, so after each major GC the decoder would start cold again.
 */
let active: Sink | undefined

/** Makes `sink` the one the handlers reach; returns the one before, to restore with `leave`. */
export const enter = (sink: Sink): Sink | undefined => {
  const previous = active
  active = sink
  return previous
}

/** Restores the sink the handlers reach. */
export const leave = (previous: Sink | undefined): void => {
  active = previous
}

const handlers = {
  error: (error: Error) => active!.onError(error),
  xmldecl: (declaration: { readonly version?: string | undefined; readonly encoding?: string | undefined }) =>
    active!.onXmlDecl(declaration.version, declaration.encoding),
  doctype: () => active!.onDoctype(),
  processinginstruction: (pi: { readonly target: string }) => active!.onProcessingInstruction(pi.target),
  attribute: () => active!.onAttribute(),
  opentag: (tag: SaxesTag) => active!.onOpenTag(tag),
  closetag: () => active!.onCloseTag(),
  text: (text: string) => active!.onText(text)
}

/**
 * A saxes parser for one document: XML 1.0 whatever the declaration says, names not resolved. `prime`, the
 * start of a document, is written to it before its handlers are registered: it reports nothing of it.
 */
export const makeParser = (prime: string): SaxesParser<{ position: true }> => {
  // Stryker disable next-line ObjectLiteral: each option is saxes's default or refused before it matters, as below
  const parser = new SaxesParser({
    // Stryker disable next-line BooleanLiteral: saxes's default is false too
    xmlns: false,
    // Stryker disable next-line BooleanLiteral: saxes tracks positions unless told not to
    position: true,
    // Stryker disable next-line BooleanLiteral: a declaration of another version is refused (onXmlDecl) before it matters
    forceXMLVersion: true,
    // Stryker disable next-line StringLiteral: saxes's default is 1.0 too
    defaultXMLVersion: "1.0"
  })
  // Stryker disable next-line CallExpression: as the function says, the fields only keep saxes fast
  declareHandlerFields(parser)
  // Stryker disable next-line ConditionalExpression,StringLiteral: writing nothing changes nothing
  if (prime !== "") parser.write(prime)
  parser.on("error", handlers.error)
  parser.on("xmldecl", handlers.xmldecl)
  parser.on("doctype", handlers.doctype)
  parser.on("processinginstruction", handlers.processinginstruction)
  parser.on("attribute", handlers.attribute)
  parser.on("opentag", handlers.opentag)
  parser.on("closetag", handlers.closetag)
  parser.on("text", handlers.text)
  parser.on("cdata", handlers.text)
  return parser
}
