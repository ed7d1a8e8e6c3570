/**
 * The generator: it reproduces the committed declarations from the WSDLs (one module per WSDL, the
 * same bytes every time), its output for another WSDL of the same style type-checks against the
 * published packages and works, and it refuses what the codec has no form for with a typed error that
 * names the file, the construct and where it is.
 */
import { Codegen } from "@erpsync/codegen"
import { ErpSync88 } from "@erpsync/schema"
import * as Result from "effect/Result"
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { readReference, referenceDir } from "./support/reference.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const generatedDir = path.join(root, "packages/schema/src/generated")
const wsdlFile = (name: string) => path.join(referenceDir, name)

const SERVICES86 = "http://www.superoffice.net/ws/crm/NetServer/Services86"
const ALL = ["ErpSync.wsdl", "SoPrincipal.wsdl", "ErpSync88.wsdl", "SoPrincipal88.wsdl"]

const generate = (files: ReadonlyArray<string>, options?: Codegen.GenerateOptions) =>
  Codegen.readSources(files).pipe(
    Result.flatMap((sources) => Codegen.generate(sources, options)),
    Result.getOrThrow
  )

describe("the committed declarations", () => {
  it("are what the generator writes from the WSDLs of Services86 and Services88 (pnpm codegen)", () => {
    const files = generate(ALL.map(wsdlFile), { reuses: [SERVICES86] })
    const modules = ["ErpSync.ts", "SoPrincipal.ts", "ErpSync88.ts", "SoPrincipal88.ts"]
    expect(files.map((f) => f.path)).toStrictEqual(modules)
    expect(fs.readdirSync(generatedDir).sort()).toStrictEqual([...modules].sort())
    for (const file of files) {
      expect(file.content, file.path).toBe(fs.readFileSync(path.join(generatedDir, file.path), "utf8"))
    }
  })

  it("of Services88 reuse Services86's where the two agree, and declare again what differs or refers to it", () => {
    const [, , erpSync88, soPrincipal88] = generate(ALL.map(wsdlFile), { reuses: [SERVICES86] })
    const declared = (content: string) => [...content.matchAll(/^export const (\w+) = /gm)].map((m) => m[1]!)
    const types88 = declared(erpSync88!.content)
    // ETableRight and EFieldRight have more values at Services88, and PluginResponse a Status: these, and
    // every type that holds one of them (every carrier, through TableRight and FieldProperties), differ.
    for (const changed of ["ETableRight", "EFieldRight", "TableRight", "FieldRight", "Carrier", "ErpConnection"]) {
      expect(types88).toContain(changed)
    }
    expect(types88).toContain("PluginResponse")
    // Types without a carrier in them are Services86's, imported and re-exported.
    for (const same of ["SoCredentials", "StringDictionary", "ErpActorType", "ArrayOfint"]) {
      expect(types88).not.toContain(same)
      expect(erpSync88!.content).toMatch(new RegExp(`export \\{[^}]*\\b${same}\\b[^}]*\\} from "\\./ErpSync\\.js"`))
    }
    expect(erpSync88!.content).toContain("reuses: [Services86]")
    // SoPrincipal88 takes Carrier from ErpSync88 and SoCredentials from ErpSync (Services86).
    expect(soPrincipal88!.content).toMatch(/import \{ Carrier \} from "\.\/ErpSync88\.js"/)
    expect(soPrincipal88!.content).toMatch(/import \{[^}]*\bSoCredentials\b[^}]*\} from "\.\/ErpSync\.js"/)
  })

  it("carry the REST bindings of the operations that depart from the rule, at both versions", () => {
    const [erpSync, , erpSync88] = generate(ALL.map(wsdlFile), { reuses: [SERVICES86] })
    for (const module of [erpSync!, erpSync88!]) {
      expect(module.content).toMatch(
        /definition\.operation\(\s*"SaveErpSyncConnectorEntity",[^)]*\{\s*rest: \{ body: "ErpSyncConnectorEntity" \},/
      )
      expect(module.content).toMatch(
        /definition\.operation\(\s*"GetErpSyncConnectorEntity",[^)]*\{ rest: \{ query: \["ErpSyncConnectorEntityId"\] \},/
      )
      expect(module.content.match(/rest: \{/g)).toHaveLength(3)
    }
  })

  it("of Services88 take the docs of Services86 where their own have none", () => {
    const [, , erpSync88] = generate(ALL.map(wsdlFile), { reuses: [SERVICES86] })
    const docs86 = JSON.parse(fs.readFileSync(wsdlFile("ErpSync.docs.json"), "utf8")) as {
      operations: Record<string, string>
    }
    const docs88 = JSON.parse(fs.readFileSync(wsdlFile("ErpSync88.docs.json"), "utf8")) as {
      operations: Record<string, string>
      service: string
    }
    expect(erpSync88!.content).toContain(docs86.operations["SaveConnection"]!)
    expect(erpSync88!.content).toContain(docs88.operations["GetAllConnections"]!)
    expect(erpSync88!.content).toContain(docs88.service)
    // Each operation's description is its doc's first sentence, at run time too.
    expect(ErpSync88.service.operations.SaveConnection.description).toBe(
      "Saves a connection: `ErpConnectionId` 0 creates one, another id updates that one."
    )
    expect(docs86.operations["SaveConnection"]!.startsWith(ErpSync88.service.operations.SaveConnection.description!))
      .toBe(true)
  })

  it("ErpSync.ts is what the generator writes from ErpSync.wsdl alone", () => {
    const [erpSync] = generate([wsdlFile("ErpSync.wsdl")])
    expect(erpSync!.content).toBe(fs.readFileSync(path.join(generatedDir, "ErpSync.ts"), "utf8"))
  })

  it("name the generator, its version, the WSDL, its docs and its REST bindings with their SHA-256, and no time", () => {
    const [erpSync, soPrincipal] = generate([wsdlFile("ErpSync.wsdl"), wsdlFile("SoPrincipal.wsdl")])
    const banner = erpSync!.content.split("\n")[0]!
    expect(banner).toMatch(
      new RegExp(
        `^// @generated by @erpsync/codegen ${Codegen.version.replace(/\./g, "\\.")} from ErpSync\\.wsdl ` +
          `\\(sha256 [0-9a-f]{64}\\) and ErpSync\\.docs\\.json \\(sha256 [0-9a-f]{64}\\) ` +
          `and ErpSync\\.rest\\.json \\(sha256 [0-9a-f]{64}\\)\\.$`
      )
    )
    expect(erpSync!.content).not.toMatch(/20\d\d-\d\d-\d\d/)
    // A type both WSDLs declare is declared once, in ErpSync.ts, and re-exported from SoPrincipal.ts.
    expect(soPrincipal!.content).toContain(`from "./ErpSync.js"`)
    expect(soPrincipal!.content).not.toContain("export const Carrier =")
    expect(erpSync!.content).toContain("export const Carrier =")
  })

  it("say the generator's version as its package does", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "packages/codegen/package.json"), "utf8"))
    expect(Codegen.version).toBe(pkg.version)
  })
})

/** A scratch folder inside the test package, so that its imports resolve to the workspace's packages. */
const scratch = fs.mkdtempSync(path.join(root, "test", ".scratch-"))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

describe("the output for another WSDL of the same style", () => {
  // Another version of the service: renamed, with fewer operations and a new one.
  const next = readReference("ErpSync.wsdl")
    .replaceAll("ErpSync", "ErpSyncNext")
    .replace(
      /(<wsdl:operation name="SyncAll">[\s\S]*?<\/wsdl:operation>)/g,
      (operation) => `${operation}${operation.replaceAll("SyncAll", "SyncEverything")}`
    )
    .replace(
      /<wsdl:message name="SyncAllRequest">/,
      `<wsdl:message name="SyncEverythingRequest"><wsdl:part name="parameters" element="tns:SyncAll" /></wsdl:message><wsdl:message name="SyncEverythingRequest_Headers"><wsdl:part name="ApplicationToken" element="tns:ApplicationToken" /><wsdl:part name="Credentials" element="tns:Credentials" /><wsdl:part name="TimeZone" element="tns:TimeZone" /></wsdl:message><wsdl:message name="SyncEverythingResponse"><wsdl:part name="parameters" element="tns:SyncAllResponse" /></wsdl:message><wsdl:message name="SyncEverythingResponse_Headers"><wsdl:part name="ExceptionInfo" element="tns:ExceptionInfo" /><wsdl:part name="ExtraInfo" element="tns:ExtraInfo" /><wsdl:part name="Succeeded" element="tns:Succeeded" /><wsdl:part name="TimeZone" element="tns:TimeZone" /></wsdl:message>$&`
    )
  const file = path.join(scratch, "ErpSyncNext.wsdl")
  fs.writeFileSync(file, next)

  // Types the vendor's WSDLs do not have: two that refer to each other, and a dictionary keyed by xs:long.
  const trees = path.join(scratch, "Trees.wsdl")
  fs.writeFileSync(
    trees,
    wsdl({
      members: `<xs:element minOccurs="0" name="Root" nillable="true" type="tns:Node" />` +
        `<xs:element minOccurs="0" name="Index" nillable="true" type="tns:LongDictionary" />`,
      types: `<xs:complexType name="Node"><xs:sequence>
          <xs:element minOccurs="0" name="Name" nillable="true" type="xs:string" />
          <xs:element minOccurs="0" name="Children" nillable="true" type="tns:ArrayOfNode" />
        </xs:sequence></xs:complexType>
        <xs:complexType name="ArrayOfNode"><xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Node" nillable="true" type="tns:Node" />
        </xs:sequence></xs:complexType>
        <xs:complexType name="LongDictionary">
          <xs:annotation><xs:appinfo>
            <IsDictionary xmlns="http://schemas.microsoft.com/2003/10/Serialization/">true</IsDictionary>
          </xs:appinfo></xs:annotation>
          <xs:sequence><xs:element minOccurs="0" maxOccurs="unbounded" name="LongPair"><xs:complexType><xs:sequence>
            <xs:element name="Key" type="xs:long" /><xs:element name="Value" nillable="true" type="tns:Node" />
          </xs:sequence></xs:complexType></xs:element></xs:sequence>
        </xs:complexType>`
    })
  )

  it("is written by erpsync codegen, type-checks against the published packages, and decodes what it encodes", async () => {
    const out = path.join(scratch, "generated")
    const cli = execFileSync(
      process.execPath,
      [path.join(root, "packages/cli/dist/bin.js"), "codegen", file, "--out", out],
      { encoding: "utf8" }
    )
    expect(cli.trim()).toBe(path.join(out, "ErpSyncNext.ts"))
    for (const generated of generate([trees])) fs.writeFileSync(path.join(out, generated.path), generated.content)
    const source = fs.readFileSync(path.join(out, "ErpSyncNext.ts"), "utf8")
    expect(source).toContain(`export const SyncEverything = definition.operation("SyncEverything"`)
    // The packages as published: their declaration files, built by tsc -b.
    const tsc = path.join(root, "node_modules/.bin/tsc")
    execFileSync(tsc, ["-b", path.join(root, "packages/codec")])
    fs.writeFileSync(
      path.join(scratch, "tsconfig.json"),
      JSON.stringify({
        extends: "../../tsconfig.base.json",
        compilerOptions: { noEmit: true, composite: false, declaration: false, declarationMap: false },
        include: ["generated"]
      })
    )
    expect(() => execFileSync(tsc, ["-p", path.join(scratch, "tsconfig.json")], { encoding: "utf8" })).not.toThrow()
    const module = await import(path.join(out, "ErpSyncNext.ts"))
    const { XmlCodec } = await import("@erpsync/codec")
    expect(Object.keys(module.service.operations)).toContain("SyncEverything")
    expect(module.service.operations.SyncEverything.action).toBe(
      "http://www.superoffice.net/ws/crm/NetServer/Services86/ErpSyncNext/SyncEverything"
    )
    const request = { Header: {}, Body: {} }
    const xml = Result.getOrThrow(XmlCodec.encodeResult(module.SyncEverythingRequest)(request))
    expect(XmlCodec.decodeResult(module.SyncEverythingRequest)(xml)).toStrictEqual(Result.succeed(request))

    // Mutual recursion, and a dictionary keyed by bigints whose duplicate keys are refused.
    const Trees = await import(path.join(out, "Trees.ts"))
    const tree = {
      Root: { Name: "a", Children: [{ Name: "b", Children: [] }, null, { Name: null, Children: null }] },
      Index: [{ Key: 9007199254740993n, Value: { Name: "c", Children: null } }]
    }
    const message = { Header: {}, Body: tree }
    const encoded = Result.getOrThrow(XmlCodec.encodeResult(Trees.OpRequest)(message))
    expect(XmlCodec.decodeResult(Trees.OpRequest)(encoded)).toStrictEqual(Result.succeed(message))
    const twice = { Header: {}, Body: { ...tree, Index: [tree.Index[0], tree.Index[0]] } }
    expect(Result.isFailure(XmlCodec.encodeResult(Trees.OpRequest)(twice))).toBe(true)
    // The declarations' form: a recursive type's schema a `Schema.Codec` of its type and its encoded form,
    // annotated with `.annotate`, referring to its group through `Schema.suspend`.
    const treesSource = fs.readFileSync(path.join(out, "Trees.ts"), "utf8")
    expect(treesSource).toContain("export interface NodeEncoded {")
    expect(treesSource).toContain("export const Node: Schema.Codec<Node, NodeEncoded> = Schema.Struct({")
    expect(treesSource).toContain(`}).annotate(Xml.complexType("Node", T))`)
    expect(treesSource).toContain("Schema.suspend((): Schema.Codec<Node, NodeEncoded> => Node)")
    expect(treesSource).not.toMatch(/\.annotations\(|Schema\.Schema<|Schema\.Schema\.Encoded/)
  })
})

/** A WSDL of one operation `Op` whose request body has `members`, with `types` beside it. */
const wsdl = (options: { members?: string; types?: string; binding?: string; style?: string } = {}) =>
  `<?xml version="1.0"?>
<wsdl:definitions targetNamespace="urn:t" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:t" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <wsdl:types>
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:t">
      <xs:element name="Op"><xs:complexType><xs:sequence>${
    options.members ?? ""
  }</xs:sequence></xs:complexType></xs:element>
      <xs:element name="OpResponse"><xs:complexType><xs:sequence /></xs:complexType></xs:element>
      ${options.types ?? ""}
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="OpRequest"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>
  <wsdl:message name="OpResponse"><wsdl:part name="parameters" element="tns:OpResponse" /></wsdl:message>
  <wsdl:portType name="T"><wsdl:operation name="Op"><wsdl:input message="tns:OpRequest" /><wsdl:output message="tns:OpResponse" /></wsdl:operation></wsdl:portType>
  <wsdl:binding name="B" type="tns:T">${
    options.binding ??
      `<soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="${options.style ?? "document"}" />`
  }
    <wsdl:operation name="Op"><soap:operation soapAction="urn:t/Op" /><wsdl:input><soap:body use="literal" /></wsdl:input><wsdl:output><soap:body use="literal" /></wsdl:output></wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="S"><wsdl:port name="P" binding="tns:B"><soap:address location="http://localhost/T.svc" /></wsdl:port></wsdl:service>
</wsdl:definitions>`

const refusal = (sources: ReadonlyArray<Codegen.WsdlSource>) =>
  Result.flip(Codegen.generate(sources)).pipe(Result.getOrThrow)

describe("what the generator refuses, with a CodegenError naming the file, the construct and where it is", () => {
  it("a minimal WSDL is accepted (the cases below differ from it in one construct)", () => {
    const [file] = Result.getOrThrow(
      Codegen.generate([{
        file: "T.wsdl",
        text: wsdl({ members: `<xs:element minOccurs="0" name="Id" type="xs:int" />` })
      }])
    )
    expect(file!.path).toBe("T.ts")
    expect(file!.content).toContain(
      `export const OpRequest = definition.request("Op", {\n  Id: Xml.optionalElement(Xsd.int)\n})`
    )
  })

  it.each([
    ["an xs:choice", `<xs:choice><xs:element name="A" type="xs:int" /></xs:choice>`, "<xs:choice> inside a sequence"],
    [
      "a repeated member",
      `<xs:element maxOccurs="unbounded" name="A" type="xs:int" /><xs:element name="B" type="xs:int" />`,
      "a repeated element (A, maxOccurs ≠ 1)"
    ],
    [
      "a built-in the codec has no form for",
      `<xs:element name="A" type="xs:QName" />`,
      "the built-in type {http://www.w3.org/2001/XMLSchema}QName"
    ],
    [
      "an anonymous member type",
      `<xs:element name="A"><xs:complexType><xs:sequence /></xs:complexType></xs:element>`,
      "an anonymous complex type (A)"
    ]
  ])("%s", (_, members, detail) => {
    const error = refusal([{ file: "T.wsdl", text: wsdl({ members }) }])
    expect(error).toMatchObject({ _tag: "CodegenError", reason: "Unsupported", file: "T.wsdl" })
    expect(error.detail).toContain(detail)
    expect(error.line).toBeGreaterThan(0)
    expect(error.message).toMatch(/^T\.wsdl:\d+:\d+: Unsupported: /)
  })

  it("a type with attributes, and mixed content", () => {
    const attribute = refusal([{
      file: "T.wsdl",
      text: wsdl({
        types: `<xs:complexType name="X"><xs:sequence /><xs:attribute name="a" type="xs:string" /></xs:complexType>`
      })
    }])
    expect(attribute).toMatchObject({ reason: "Unsupported", detail: "an attribute has no form in the codec" })
    expect(attribute.path).toContain("complexType[@name='X']")
    const mixed = refusal([{
      file: "T.wsdl",
      text: wsdl({ types: `<xs:complexType name="X" mixed="true"><xs:sequence /></xs:complexType>` })
    }])
    expect(mixed).toMatchObject({ reason: "Unsupported", detail: "mixed content has no form in the codec" })
  })

  it("an RPC-style binding, and a WSDL without a SOAP 1.1 port", () => {
    expect(refusal([{ file: "T.wsdl", text: wsdl({ style: "rpc" }) }])).toMatchObject({
      reason: "Unsupported",
      detail: "an RPC-style operation has no form in the codec"
    })
    expect(refusal([{ file: "T.wsdl", text: wsdl({ binding: "" }) }])).toMatchObject({
      reason: "Unsupported",
      detail: "the service has no SOAP 1.1 port (soap:binding and soap:address)"
    })
  })

  it("a reference to a type nobody declares", () => {
    expect(refusal([{ file: "T.wsdl", text: wsdl({ members: `<xs:element name="A" type="tns:Nowhere" />` }) }]))
      .toMatchObject({ reason: "Missing", detail: "the type {urn:t}Nowhere is not declared" })
  })

  it("the same type declared differently by two WSDLs", () => {
    const a = wsdl({
      types:
        `<xs:complexType name="X"><xs:sequence><xs:element name="A" type="xs:int" /></xs:sequence></xs:complexType>`
    })
    const b = wsdl({
      types:
        `<xs:complexType name="X"><xs:sequence><xs:element name="A" type="xs:string" /></xs:sequence></xs:complexType>`
    })
      .replaceAll("T.svc", "U.svc")
    const error = refusal([{ file: "A.wsdl", text: a }, { file: "B.wsdl", text: b }])
    expect(error).toMatchObject({ reason: "Conflict", file: "B.wsdl" })
    expect(error.detail).toContain("the type {urn:t}X differs from the one of A's WSDL")
  })

  it("a document that is not XML, or not a WSDL", () => {
    expect(refusal([{ file: "T.wsdl", text: "<definitions>" }])).toMatchObject({ reason: "Malformed", file: "T.wsdl" })
    expect(refusal([{ file: "T.wsdl", text: "<html/>" }])).toMatchObject({
      reason: "Malformed",
      detail: "the root element is {}html, not wsdl:definitions"
    })
  })

  it("docs that name an operation or a member the WSDL does not declare", () => {
    const text = wsdl()
    expect(refusal([{ file: "T.wsdl", text, docs: { file: "T.docs.json", text: `{"operations": {"Nope": "x"}}` } }]))
      .toMatchObject({ reason: "Docs", file: "T.docs.json", path: "/operations/Nope" })
    expect(refusal([{ file: "T.wsdl", text, docs: { file: "T.docs.json", text: `{"types": {"Op.Id": "x"}}` } }]))
      .toMatchObject({ reason: "Docs", path: "/types/Op.Id" })
    expect(refusal([{ file: "T.wsdl", text, docs: { file: "T.docs.json", text: `{"operation": {}}` } }]))
      .toMatchObject({ reason: "Docs", detail: "unknown keys operation" })
  })

  it("REST bindings that name an operation or a request member the WSDL does not declare, or are malformed", () => {
    const text = wsdl()
    const rest = (json: string) => refusal([{ file: "T.wsdl", text, rest: { file: "T.rest.json", text: json } }])
    expect(rest(`{"operations": {"Nope": {"body": "Id"}}}`)).toMatchObject({
      reason: "Docs",
      file: "T.rest.json",
      path: "/operations/Nope"
    })
    expect(rest(`{"operations": {"Op": {"query": ["Nope"]}}}`)).toMatchObject({
      reason: "Docs",
      detail: "Op's request has no member Nope"
    })
    expect(rest(`{"operations": {"Op": {"body": "Id", "query": ["Id"]}}}`)).toMatchObject({
      detail: "a request goes either as a body or as a query"
    })
    expect(rest(`{"operations": {"Op": {"verb": "GET"}}}`)).toMatchObject({ detail: "unknown keys verb" })
    expect(rest(`[`)).toMatchObject({ reason: "Docs", path: "" })
    // The .NET names of flags: only for a flags type the WSDL declares, and only names it does not list.
    expect(rest(`{"flags": {"Nope": {"ALL": 3}}}`)).toMatchObject({ path: "/flags/Nope", detail: "no flags type Nope" })
    expect(rest(`{"flags": {"Op": [1]}}`)).toMatchObject({ path: "/flags/Op", detail: "not an object" })
    expect(rest(`{"flags": {"Op": {"ALL": -1}}}`)).toMatchObject({ path: "/flags/Op/ALL", detail: "not a flags value" })
    const flags = `<xs:simpleType name="F"><xs:list><xs:simpleType><xs:restriction base="xs:string">
        <xs:enumeration value="A" /><xs:enumeration value="B" /><xs:enumeration value="C"><xs:annotation><xs:appinfo>
          <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">1</EnumerationValue>
        </xs:appinfo></xs:annotation></xs:enumeration>
      </xs:restriction></xs:simpleType></xs:list></xs:simpleType>`
    const withFlags = (json: string) =>
      Codegen.generate([{ file: "T.wsdl", text: wsdl({ types: flags }), rest: { file: "T.rest.json", text: json } }])
    expect(Result.flip(withFlags(`{"flags": {"F": {"B": 2}}}`)).pipe(Result.getOrThrow)).toMatchObject({
      path: "/flags/F/B",
      detail: "F has B already"
    })
    // The WSDL's own values (C = 1, not the third name's 4) and the .NET names beside them, as `Xsd.list` takes them.
    expect(Result.getOrThrow(withFlags(`{"flags": {"F": {"None": 0, "AB": 3}}}`))[0]!.content).toContain(
      `export const F = Xsd.list(["A", "B", "C"], "F", T, { values: { C: 1 }, aliases: { None: 0, AB: 3 } })`
    )
  })

  it("an extension of a recursive type (its schema has no fields to spread)", () => {
    const types = `<xs:complexType name="R"><xs:sequence>
        <xs:element minOccurs="0" name="Next" nillable="true" type="tns:R" />
      </xs:sequence></xs:complexType>
      <xs:complexType name="E"><xs:complexContent mixed="false"><xs:extension base="tns:R">
        <xs:sequence />
      </xs:extension></xs:complexContent></xs:complexType>`
    expect(refusal([{ file: "T.wsdl", text: wsdl({ types }) }])).toMatchObject({
      reason: "Unsupported",
      detail: "an extension of {urn:t}R, a recursive type (its schema has no fields to spread)"
    })
  })

  it("two operations with the same SOAPAction", () => {
    const abstract = `<wsdl:operation name="Op"><wsdl:input message="tns:OpRequest" />` +
      `<wsdl:output message="tns:OpResponse" /></wsdl:operation>`
    const text = wsdl()
      .replace(abstract, abstract + abstract.replace(`name="Op"`, `name="Op2"`))
      .replace(
        /<wsdl:operation name="Op"><soap:operation[\s\S]*?<\/wsdl:operation>/,
        (operation) => operation + operation.replace(`name="Op"`, `name="Op2"`)
      )
    expect(refusal([{ file: "T.wsdl", text }])).toMatchObject({
      reason: "Conflict",
      detail: `Op and Op2 have the same SOAPAction "urn:t/Op"`
    })
  })

  it("two types of one name in two namespaces, which would be one name in the module", () => {
    const text = wsdl({ types: `<xs:complexType name="X"><xs:sequence /></xs:complexType>` }).replace(
      "</wsdl:types>",
      `<xs:schema elementFormDefault="qualified" targetNamespace="urn:u">` +
        `<xs:complexType name="X"><xs:sequence /></xs:complexType></xs:schema></wsdl:types>`
    )
    expect(refusal([{ file: "T.wsdl", text }])).toMatchObject({
      reason: "Conflict",
      detail: "the name X is used twice in the module"
    })
  })

  it("a WSDL file that cannot be read", () => {
    expect(Result.flip(Codegen.readSources([path.join(scratch, "missing.wsdl")])).pipe(Result.getOrThrow))
      .toMatchObject({ _tag: "CodegenError", reason: "Read" })
  })
})
