/**
 * What the readers of a WSDL share: the file being read, and failing at an element of it.
 */
import { failAt } from "./failure.js"
import type { Location } from "./model.js"
import type { Element, QName } from "./xml.js"

export interface Context {
  readonly file: string
}

export const locationOf = (context: Context, element: Element): Location => ({
  file: context.file,
  path: element.path,
  line: element.line,
  column: element.column
})

export const required = (context: Context, element: Element, attribute: string): string =>
  element.attributes.get(attribute) ??
    failAt("Malformed", context.file, element, `<${element.local}> has no ${attribute} attribute`)

export const requiredQName = (context: Context, element: Element, attribute: string): QName =>
  element.qname(attribute) ??
    failAt("Malformed", context.file, element, `<${element.local}> has no ${attribute} attribute`)

export const unsupported = (context: Context, element: Element, what: string): never =>
  failAt("Unsupported", context.file, element, `${what} has no form in the codec`)
