/**
 * Writing names, strings and doc comments into TypeScript source.
 */

const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await any boolean number string symbol " +
    "undefined never unknown object bigint")
    .split(" ")
)

/** Whether `name` can be an exported TypeScript identifier as it is. */
export const isIdentifier = (name: string): boolean => /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name)

/** A string literal. */
export const literal = (text: string): string => JSON.stringify(text)

/** An object literal key: the name itself when it can be, quoted otherwise; `__proto__` as a computed key. */
export const propertyKey = (name: string): string =>
  name === "__proto__" ? `["__proto__"]` : /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name)

/** A property name in an interface. */
export const interfaceKey = (name: string): string => /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name)

/** A JSDoc comment of one or more lines, or nothing. */
export const jsdoc = (text: string | undefined, indent = ""): string => {
  if (text === undefined || text.trim() === "") return ""
  const lines = text.trim().replace(/\*\//g, "*\\/").split("\n")
  return lines.length === 1
    ? `${indent}/** ${lines[0]} */\n`
    : `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join("\n")}\n${indent} */\n`
}

/**
 * A constant name for a namespace URI: its last path segment as an identifier (`Services86`, `Arrays`,
 * `SystemSecurityCryptography`), made unique among `taken`.
 */
export const namespaceConstant = (uri: string, taken: ReadonlySet<string>): string => {
  const segment = uri.replace(/[/#]+$/, "").split(/[/:#]/).filter((s) => s !== "").at(-1) ?? "Namespace"
  let base = segment.split(/[^A-Za-z0-9]+/).filter((s) => s !== "").map((s) => s[0]!.toUpperCase() + s.slice(1)).join(
    ""
  )
  if (!/^[A-Za-z]/.test(base)) base = `Namespace${base}`
  let name = base
  for (let i = 2; taken.has(name) || !isIdentifier(name); i++) name = `${base}Namespace${i === 2 ? "" : i}`
  return name
}
