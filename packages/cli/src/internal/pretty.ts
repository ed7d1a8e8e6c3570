/**
 * XML indented for reading: an element whose content is only elements gets each child on its own line,
 * two spaces deeper; an element with text keeps its content exactly, on one line. Only whitespace between
 * elements changes, which SOAP messages do not carry meaning in. Text that is not well-formed XML, or that
 * has a DOCTYPE, a comment or a processing instruction (which a SOAP message may not), is returned as it
 * is: what is shown is never something else than what was sent.
 */
import { Xml } from "@erpsync/codec"
import { SaxesParser } from "saxes"

interface Element {
  readonly open: string
  readonly name: string
  readonly children: Array<Element | string>
  /** It holds a CDATA section: its whitespace is content. */
  cdata: boolean
}

const { escapeAttribute, escapeText } = Xml

const write = (element: Element, depth: number, out: Array<string>) => {
  const indent = "  ".repeat(depth)
  // Whitespace between child elements is not content; whitespace alone in an element is (a string of spaces).
  const elementOnly = !element.cdata && element.children.some((child) => typeof child !== "string") &&
    element.children.every((child) => typeof child !== "string" || child.trim() === "")
  if (element.children.length === 0) {
    out.push(`${indent}${element.open}/>`)
  } else if (elementOnly) {
    out.push(`${indent}${element.open}>`)
    for (const child of element.children) if (typeof child !== "string") write(child, depth + 1, out)
    out.push(`${indent}</${element.name}>`)
  } else {
    out.push(`${indent}${element.open}>${element.children.map(inline).join("")}</${element.name}>`)
  }
}

const inline = (node: Element | string): string =>
  typeof node === "string"
    ? escapeText(node)
    : node.children.length === 0
    ? `${node.open}/>`
    : `${node.open}>${node.children.map(inline).join("")}</${node.name}>`

/** `xml` indented, or unchanged when it is not well-formed. */
export const indentXml = (xml: string): string => {
  const parser = new SaxesParser({ xmlns: false })
  const stack: Array<Element> = []
  let root: Element | undefined
  let declaration = ""
  let failed = false
  parser.on("error", () => {
    failed = true
  })
  parser.on("xmldecl", (decl) => {
    declaration = `<?xml version="${decl.version ?? "1.0"}"${
      decl.encoding === undefined ? "" : ` encoding="${decl.encoding}"`
    }?>`
  })
  parser.on("opentag", (tag) => {
    const attributes = Object.entries(tag.attributes).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    const element: Element = { open: `<${tag.name}${attributes.join("")}`, name: tag.name, children: [], cdata: false }
    const parent = stack.at(-1)
    if (parent === undefined) root = element
    else parent.children.push(element)
    stack.push(element)
  })
  const text = (value: string) => {
    const parent = stack.at(-1)
    if (parent === undefined) return
    const last = parent.children.at(-1)
    if (typeof last === "string") parent.children[parent.children.length - 1] = last + value
    else parent.children.push(value)
  }
  parser.on("text", text)
  parser.on("cdata", (value) => {
    const parent = stack.at(-1)
    if (parent !== undefined) parent.cdata = true
    text(value)
  })
  parser.on("closetag", () => void stack.pop())
  try {
    parser.write(xml).close()
  } catch {
    failed = true
  }
  if (failed || root === undefined) return xml
  const out: Array<string> = declaration === "" ? [] : [declaration]
  write(root, 0, out)
  return out.join("\n")
}
