/**
 * The vendor's reference material (`wsdl/` at the repository root: the WSDLs and the vendor's examples),
 * and the XML Schemas embedded in its WSDLs written out as files that `xmllint` can validate against.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../wsdl")

export const readReference = (file: string): string => fs.readFileSync(path.join(referenceDir, file), "utf8")

const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
const SOAP12 = "http://www.w3.org/2003/05/soap-envelope"

/**
 * The SOAP envelope's structure (SOAP 1.1 section 4, SOAP 1.2 part 1 section 5) with strict processing
 * of header blocks and body content: each must be an element the WSDL's schemas declare, and valid.
 */
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

export interface SchemaSet {
  readonly dir: string
  /** The schema to validate SOAP 1.1 envelopes with. */
  readonly soap11: string
  /** The schema to validate SOAP 1.2 envelopes with. */
  readonly soap12: string
}

/** Extracts the `xs:schema` elements of a WSDL into files, linking their imports. */
export const extractSchemas = (wsdlFile: string): SchemaSet => {
  const wsdl = readReference(wsdlFile)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-xsd-"))
  const schemas = [...wsdl.matchAll(/<xs:schema\b[\s\S]*?<\/xs:schema>/g)].map((m) => m[0])
  const files = new Map<string, string>()
  schemas.forEach((schema, i) => {
    const target = /targetNamespace="([^"]*)"/.exec(schema)![1]!
    files.set(target, `schema-${i}.xsd`)
  })
  // Prefixes the schemas use may be declared on wsdl:definitions only: carry them onto each schema.
  const definitions = /<wsdl:definitions\b[^>]*>/.exec(wsdl)?.[0] ?? ""
  const inherited = [...definitions.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)]
  schemas.forEach((schema, i) => {
    const start = /^<xs:schema\b[^>]*>/.exec(schema)![0]
    const missing = inherited.filter(([, prefix]) => !start.includes(`xmlns:${prefix}=`)).map(([d]) => d).join("")
    schema = schema.replace(start, start.replace(/>$/, `${missing}>`))
    const linked = schema.replace(
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

export interface Validation {
  readonly ok: boolean
  readonly output: string
}

/** Validates documents with `xmllint --schema`, in one process. */
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
