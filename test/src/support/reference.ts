/**
 * The vendor's reference material (`wsdl/` at the repository root: the WSDLs and the vendor's examples),
 * and the XML Schemas embedded in its WSDLs as files `xmllint` validates against (`@erpsync/conformance`).
 */
import { XmlSchemas } from "@erpsync/conformance"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../wsdl")

export const readReference = (file: string): string => fs.readFileSync(path.join(referenceDir, file), "utf8")

/** The XML Schemas of one of the reference WSDLs, as files xmllint validates envelopes against. */
export const extractSchemas = (wsdlFile: string): XmlSchemas.SchemaSet => XmlSchemas.fromWsdl(readReference(wsdlFile))

export type SchemaSet = XmlSchemas.SchemaSet

export const validate = XmlSchemas.validate
