/**
 * The XML Schemas embedded in a WSDL, written out as files `xmllint` validates SOAP envelopes against: the
 * envelope's structure (SOAP 1.1 section 4, SOAP 1.2 part 1 section 5) with strict processing of header
 * blocks and body content, each an element the WSDL's schemas declare, and valid.
 *
 * @since 0.3.0
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { SOAP11, SOAP12 } from "./internal/namespaces.js"

const envelopeSchema = (namespace: string, imports: string) =>
  `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${namespace}" elementFormDefault="qualified">
${imports}
  <xs:element name="Envelope">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Header" minOccurs="0">
          <xs:complexType>
            <xs:sequence><xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded" processContents="strict"/></xs:sequence>
          </xs:complexType>
        </xs:element>
        <xs:element name="Body">
          <xs:complexType>
            <xs:sequence><xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded" processContents="strict"/></xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`

/**
 * The schema files of a WSDL: one per `xs:schema`, and one per SOAP version for whole envelopes.
 *
 * @since 0.3.0
 * @category models
 */
export interface SchemaSet {
  /** The folder holding the files. */
  readonly dir: string
  /** The schema to validate SOAP 1.1 envelopes with. */
  readonly soap11: string
  /** The schema to validate SOAP 1.2 envelopes with. */
  readonly soap12: string
}

/**
 * Writes the `xs:schema` elements of a WSDL (its text) into files in a new temporary folder, linking their
 * imports, with the namespace prefixes the schemas inherit from `wsdl:definitions` carried onto each.
 *
 * @since 0.3.0
 * @category constructors
 */
export const fromWsdl = (wsdl: string): SchemaSet => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-xsd-"))
  const schemas = [...wsdl.matchAll(/<xs:schema\b[\s\S]*?<\/xs:schema>/g)].map((m) => m[0])
  const files = new Map<string, string>()
  schemas.forEach((schema, i) => {
    const target = /targetNamespace="([^"]*)"/.exec(schema)?.[1] ?? ""
    files.set(target, `schema-${i}.xsd`)
  })
  const definitions = /<wsdl:definitions\b[^>]*>/.exec(wsdl)?.[0] ?? ""
  const inherited = [...definitions.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)]
  schemas.forEach((schema, i) => {
    const start = /^<xs:schema\b[^>]*>/.exec(schema)![0]
    const missing = inherited.filter(([, prefix]) => !start.includes(`xmlns:${prefix}=`)).map(([d]) => d).join("")
    const linked = schema.replace(start, start.replace(/>$/, `${missing}>`)).replace(
      /<xs:import namespace="([^"]*)"\s*\/>/g,
      (_, ns: string) => `<xs:import namespace="${ns}" schemaLocation="${files.get(ns)}" />`
    )
    fs.writeFileSync(path.join(dir, `schema-${i}.xsd`), `<?xml version="1.0" encoding="utf-8"?>\n${linked}\n`)
  })
  const imports = [...files].map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join("\n")
  fs.writeFileSync(path.join(dir, "soap11.xsd"), envelopeSchema(SOAP11, imports))
  fs.writeFileSync(path.join(dir, "soap12.xsd"), envelopeSchema(SOAP12, imports))
  return { dir, soap11: path.join(dir, "soap11.xsd"), soap12: path.join(dir, "soap12.xsd") }
}

/**
 * What `xmllint` said of a set of documents: valid, or its messages.
 *
 * @since 0.3.0
 * @category models
 */
export interface Validation {
  readonly ok: boolean
  readonly output: string
}

/**
 * Whether `xmllint` (Debian's `libxml2-utils`) can be run here.
 *
 * @since 0.3.0
 * @category validation
 */
export const xmllintAvailable = (): boolean => {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "pipe" })
    return true
  } catch {
    return false
  }
}

/**
 * Validates documents against a schema file with `xmllint --schema`, in one process, without the network.
 *
 * @since 0.3.0
 * @category validation
 */
export const validate = (schema: string, documents: ReadonlyArray<string>): Validation => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-docs-"))
  const files = documents.map((doc, i) => {
    const file = path.join(dir, `doc-${i}.xml`)
    fs.writeFileSync(file, doc)
    return file
  })
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", schema, ...files], { stdio: "pipe" })
    return { ok: true, output: "" }
  } catch (e) {
    const error = e as { stderr?: Buffer; message: string }
    return { ok: false, output: error.stderr?.toString() ?? error.message }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
