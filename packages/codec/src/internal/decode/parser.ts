/**
 * The saxes parser as the decoder drives it: XML 1.0 only, handlers shared by every parser, and its
 * properties kept fast. Namespaces are the decoder's own (`scope.ts`): saxes's would build objects for
 * every tag and walk the open elements for every prefix.
 */
import { SaxesParser } from "saxes"
import type { SaxesTag } from "saxes"
import type { Decoder } from "./decoder.js"
import { parseError } from "./location.js"

/** The buffers saxes 6 accumulates a token in until it emits an event. */
export interface SaxesBuffers {
  readonly text: string
  readonly name: string
  readonly entity: string
  readonly piTarget: string
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
 * The decoder whose parser is running: saxes calls handlers synchronously inside `write` and `close`, and
 * the decoder sets this around those calls (saving and restoring it, should a refinement decode another
 * document). The handlers are module functions shared by every parser: closures made per decoder would be
 * new functions for every document, and V8 drops optimised code that inlined a function once it is
 * collected, so after each major GC the decoder would start cold again.
 */
let active: Decoder | undefined

/** Makes `decoder` the one the handlers reach; returns the one before, to restore with `leave`. */
export const enter = (decoder: Decoder): Decoder | undefined => {
  const previous = active
  active = decoder
  return previous
}

/** Restores the decoder the handlers reach. */
export const leave = (previous: Decoder | undefined): void => {
  active = previous
}

const handlers = {
  error: (error: Error) => active!.onError(error),
  xmldecl: (declaration: { readonly version?: string | undefined; readonly encoding?: string | undefined }) =>
    active!.onXmlDecl(declaration.version, declaration.encoding),
  doctype: () => active!.fail(parseError(active!, "Doctype", "a DOCTYPE is not allowed in a SOAP message")),
  processinginstruction: (pi: { readonly target: string }) =>
    active!.fail(
      parseError(active!, "ProcessingInstruction", `processing instruction <?${pi.target}?> is not allowed`)
    ),
  attribute: () => active!.onAttribute(),
  opentag: (tag: SaxesTag) => active!.onOpenTag(tag),
  closetag: () => active!.onCloseTag(),
  text: (text: string) => active!.onText(text)
}

/** A saxes parser for one document: XML 1.0 whatever the declaration says, names not resolved. */
export const makeParser = (): SaxesParser<{ position: true }> => {
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
  declareHandlerFields(parser)
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
