/**
 * Encoding: what the WSDL prescribes, and typed refusals for what XML 1.0 cannot carry.
 */
import { Soap, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { handWritten } from "../bench/competitors.js"
import { connection } from "../bench/inputs.js"
import { defaultConnection } from "./support/envelope.js"

const encode = XmlCodec.encodeResult(ErpSync.SaveConnectionRequest)
const withName = (DisplayName: string) => ({ Header: {}, Body: { Connection: { ...defaultConnection, DisplayName } } })

describe("encoding", () => {
  it("writes a SOAP 1.1 envelope with the headers inside <Header>, in the binding's order, members in WSDL order", () => {
    const xml = Result.getOrThrow(
      encode({
        Header: {
          TimeZone: { SoTimeZoneId: 1, SoTimeZoneLocationCode: "NO" },
          ApplicationToken: "app",
          Credentials: { Ticket: "t" }
        },
        Body: { Connection: { ...defaultConnection, ErpConnectionId: 3, UserGroupAccessIds: [1, 2] } }
      })
    )
    expect(xml).toBe(
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://www.superoffice.net/ws/crm/NetServer/Services86" xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
        `<s:Header><ApplicationToken>app</ApplicationToken><Credentials><Ticket>t</Ticket></Credentials>` +
        `<TimeZone><SoTimeZoneId>1</SoTimeZoneId><SoTimeZoneLocationCode>NO</SoTimeZoneLocationCode></TimeZone></s:Header>` +
        `<s:Body><SaveConnection><Connection><TableRight i:nil="true"/><FieldProperties i:nil="true"/>` +
        `<ErpConnectionId>3</ErpConnectionId><ErpConnectorId>0</ErpConnectorId><DisplayName i:nil="true"/>` +
        `<DisplayDescription i:nil="true"/><Active>false</Active><ConnectionId i:nil="true"/>` +
        `<MostRecentTimestamp i:nil="true"/><ConfigFields i:nil="true"/><Deleted>false</Deleted><AllAccess>false</AllAccess>` +
        `<UserGroupAccessIds><a:int>1</a:int><a:int>2</a:int></UserGroupAccessIds><AssociateAccessIds i:nil="true"/>` +
        `</Connection></SaveConnection></s:Body></s:Envelope>`
    )
  })

  it("writes a SOAP 1.2 envelope on request", () => {
    const xml = Result.getOrThrow(
      XmlCodec.encodeResult(ErpSync.GetConnectionRequest, { soapVersion: "1.2" })({
        Header: {},
        Body: { ErpConnectionId: 1 }
      })
    )
    expect(xml.startsWith(`<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"`)).toBe(true)
    expect(xml).not.toContain("<s:Header>")
  })

  it("escapes markup and writes CR as &#13;", () => {
    const xml = Result.getOrThrow(encode(withName("a&b<c>d]]>e\r\nf\tg\"h'")))
    expect(xml).toContain(`<DisplayName>a&amp;b&lt;c&gt;d]]&gt;e&#13;\nf\tg"h'</DisplayName>`)
  })

  it.each([
    ["U+0000", "a\u0000b"],
    ["U+0001", "\u0001"],
    ["U+001F", "\u001f"],
    ["U+FFFE", "\uFFFE"],
    ["U+FFFF", "\uFFFF"],
    ["U+D800", "x\uD800"],
    ["U+DC00", "\uDC00y"]
  ])("refuses %s with a typed error naming the field", (code, text) => {
    const result = encode(withName(text))
    expect(Result.isFailure(result) && result.failure).toMatchObject({
      _tag: "XmlEncodeError",
      reason: "InvalidCharacter",
      path: "/Envelope/Body/SaveConnection/Connection/DisplayName"
    })
    expect(Result.isFailure(result) && result.failure.message).toContain(code)
  })

  it("names the item of an array or dictionary in the path", () => {
    const result = encode({
      Header: {},
      Body: {
        Connection: { ...defaultConnection, ConfigFields: [{ Key: "a", Value: "ok" }, { Key: "b", Value: "\u0000" }] }
      }
    })
    expect(Result.isFailure(result) && result.failure.path).toBe(
      "/Envelope/Body/SaveConnection/Connection/ConfigFields/StringKeyValuePair[2]/Value"
    )
  })

  it("never puts a secret into an error: the message names the field and the character, not the value", () => {
    const result = encode({ Header: { Credentials: { Ticket: "secret-ticket\u0000" } }, Body: { Connection: null } })
    expect(Result.isFailure(result) && result.failure.path).toBe("/Envelope/Header/Credentials/Ticket")
    expect(Result.isFailure(result) && result.failure.message).not.toContain("secret")
  })
})

describe("long messages", () => {
  it("a message of millions of characters, its output set aside in parts, is the text written by hand", () => {
    // Past half a million characters the encoder sets its output aside in parts: the joins must not show.
    for (const [pairs, ids] of [[20_000, 1], [60_000, 50_000]] as const) {
      const request = {
        Header: { Credentials: { Ticket: "7T:t" } },
        Body: { Connection: connection(pairs, ids, pairs) }
      }
      const xml = Result.getOrThrow(encode(request))
      expect(xml.length).toBeGreaterThan(1_000_000)
      expect(xml).toBe(handWritten(request))
    }
    const document = Result.getOrThrow(
      XmlCodec.encodeResult(
        Schema.Array(Schema.NullOr(Xsd.string)).annotate({
          ...Xml.root("List", "urn:l"),
          ...Xml.items("string", "urn:l")
        })
      )(
        Array.from({ length: 100_000 }, (_, i) => i % 3 === 0 ? null : `item ${i} & more`)
      )
    )
    expect(document.length).toBeGreaterThan(1_000_000)
    expect(document.startsWith(`<List xmlns="urn:l"`)).toBe(true)
    expect(document.match(/<string>item \d+ &amp; more<\/string>/g)).toHaveLength(66_666)
    expect(document.match(/<string i:nil="true"\/>/g)).toHaveLength(33_334)
    expect(document.endsWith("</List>")).toBe(true)
  })
})

describe("values of the wrong shape", () => {
  const failure = (value: unknown) => {
    const result = encode(value as never)
    if (Result.isSuccess(result)) throw new Error("expected an XmlEncodeError")
    return result.failure
  }

  it("a message that is not an object: the kind of value, at the Envelope", () => {
    for (
      const [value, kind] of [[null, "null"], [undefined, "undefined"], [5, "a number"], ["x", "a string"]] as const
    ) {
      expect(failure(value)).toMatchObject({ _tag: "XmlEncodeError", reason: "InvalidValue", path: "/Envelope" })
      expect(failure(value).message).toContain(`expected a message, got ${kind}`)
    }
  })

  it("a struct or an array of the wrong kind: its kind and path, never its content", () => {
    const ticket = failure({ Header: { Credentials: "7T:secret-ticket" }, Body: { Connection: null } })
    expect(ticket).toMatchObject({ reason: "InvalidValue", path: "/Envelope/Header/Credentials" })
    expect(ticket.message).toContain("expected a struct, got a string")
    expect(ticket.message).not.toContain("secret")
    const list = failure({ Header: {}, Body: { Connection: [defaultConnection] } })
    expect(list.message).toContain("expected a struct, got an array")
    const ids = failure({ Header: {}, Body: { Connection: { ...defaultConnection, UserGroupAccessIds: { 0: 1 } } } })
    expect(ids).toMatchObject({ path: "/Envelope/Body/SaveConnection/Connection/UserGroupAccessIds" })
    expect(ids.message).toContain("expected an array, got an object")
    const bigint = failure({ Header: {}, Body: { Connection: { ...defaultConnection, DisplayName: 1n } } })
    expect(bigint).toMatchObject({ path: "/Envelope/Body/SaveConnection/Connection/DisplayName" })
  })

  it("a member the WSDL makes optional (minOccurs=0), left out, is written absent and read back as its default", () => {
    // ErpConnection's members are all minOccurs="0" in the WSDL: an absent one takes the value .NET gives it.
    const { DisplayName: _, ErpConnectionId: __, ...rest } = defaultConnection
    const xml = Result.getOrThrow(encode({ Header: {}, Body: { Connection: { ...rest, ErpConnectorId: 7 } } } as never))
    expect(xml).not.toContain("DisplayName")
    expect(xml).not.toContain("ErpConnectionId")
    expect(xml).toContain(
      "<TableRight i:nil=\"true\"/><FieldProperties i:nil=\"true\"/><ErpConnectorId>7</ErpConnectorId>"
    )
    const back = Result.getOrThrow(XmlCodec.decodeResult(ErpSync.SaveConnectionRequest)(xml))
    expect(back.Body.Connection).toEqual({ ...defaultConnection, ErpConnectorId: 7 })
    // So is a member given as undefined, and a message of nothing but the body element is one of defaults.
    const empty = Result.getOrThrow(encode({ Header: {}, Body: { Connection: undefined } } as never))
    expect(empty).toContain("<s:Body><SaveConnection></SaveConnection></s:Body>")
  })

  it("a required member (minOccurs=1) that is missing is named with its path", () => {
    const Inner = Schema.Struct({ Name: Xsd.string, Note: Xml.optionalElement(Xsd.string) }).annotate(
      Xml.complexType("Inner", "urn:r")
    )
    const Outer = Schema.Struct({ Inner }).annotate({
      ...Xml.root("Outer", "urn:r"),
      ...Xml.complexType("Outer", "urn:r")
    })
    const failure = Result.getFailure(XmlCodec.encodeResult(Outer)({ Inner: { Note: "n" } } as never))
    expect(failure).toMatchObject(
      Option.some({ path: "/Outer/Inner/Name", reason: "InvalidValue", detail: "member Name is missing" })
    )
    // The optional one may be left out; the required one may not, in make's type either.
    expect(Outer.make({ Inner: { Name: "x" } })).toEqual({ Inner: { Name: "x", Note: "" } })
    // @ts-expect-error: Name is required (minOccurs=1)
    expect(() => Outer.make({ Inner: { Note: "n" } })).toThrow()
  })

  it("reads members only as the value's own properties: inherited ones are absent", () => {
    // A member inherited from another prototype is not the value's: it is written absent, never as inherited.
    const inheriting = Object.assign(Object.create({ DisplayName: "inherited" }) as object, defaultConnection)
    delete (inheriting as { DisplayName?: unknown }).DisplayName
    const xml = Result.getOrThrow(encode({ Header: {}, Body: { Connection: inheriting } } as never))
    expect(xml).not.toContain("inherited")
    expect(xml).toContain("<ErpConnectorId>0</ErpConnectorId><DisplayDescription i:nil=\"true\"/>")
    // Nor are those every object inherits from Object.prototype, for members named like them.
    const Odd = Schema.Struct({ constructor: Xsd.string, toString: Schema.optional(Xsd.string) }).annotate({
      ...Xml.root("Odd", "urn:odd"),
      ...Xml.complexType("Odd", "urn:odd")
    })
    const odd = XmlCodec.encodeResult(Odd)
    const start = `<Odd xmlns="urn:odd" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">`
    expect(Result.getOrThrow(odd({ constructor: "c" } as never))).toBe(`${start}<constructor>c</constructor></Odd>`)
    expect(Result.getFailure(odd({} as never))).toMatchObject(
      Option.some({ path: "/Odd/constructor", reason: "InvalidValue", detail: "member constructor is missing" })
    )
    // A value without a prototype is read as a plain object.
    const bare = Object.assign(Object.create(null) as object, { constructor: "c", toString: "t" })
    expect(Result.getOrThrow(odd(bare as never))).toBe(
      `${start}<constructor>c</constructor><toString>t</toString></Odd>`
    )
  })

  it("an item of an array of the wrong type is named by its 1-based position", () => {
    const item = failure({
      Header: {},
      Body: { Connection: { ...defaultConnection, UserGroupAccessIds: [1, 2, "3"] } }
    })
    expect(item).toMatchObject({ path: "/Envelope/Body/SaveConnection/Connection/UserGroupAccessIds/int[3]" })
  })

  it("a message without its header is written without a Header element", () => {
    const xml = Result.getOrThrow(encode({ Body: { Connection: null } } as never))
    expect(xml).not.toContain("Header")
    expect(xml).toContain(`<s:Body><SaveConnection><Connection i:nil="true"/></SaveConnection></s:Body>`)
  })
})

describe("encoding faults", () => {
  const SOAP12 = "http://www.w3.org/2003/05/soap-envelope"

  it("writes a SOAP 1.2 fault in the order of the SOAP 1.2 Fault element: Code, Reason, Node, Role, Detail", () => {
    const xml = XmlCodec.encodeFault({
      soapVersion: "1.2",
      code: { namespace: SOAP12, name: "Sender" },
      subcodes: [{ namespace: "urn:f", name: "Auth" }],
      text: "a < b",
      lang: "nb",
      node: "urn:node",
      actor: "urn:role",
      detail: [
        {
          namespace: "urn:d",
          name: "Info",
          attributes: [
            { name: "code", value: "\"7\"\t" },
            { namespace: "urn:e", name: "kind", value: "x" },
            { namespace: "http://www.w3.org/XML/1998/namespace", name: "lang", value: "en" }
          ],
          children: ["n & m", { namespace: "", name: "Plain" }, { namespace: "urn:e", name: "More", children: ["]]>"] }]
        },
        "tail"
      ]
    })
    expect(xml).toBe(
      `<s:Envelope xmlns:s="${SOAP12}"><s:Body><s:Fault>` +
        `<s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value xmlns:c="urn:f">c:Auth</s:Value></s:Subcode></s:Code>` +
        `<s:Reason><s:Text xml:lang="nb">a &lt; b</s:Text></s:Reason><s:Node>urn:node</s:Node><s:Role>urn:role</s:Role>` +
        `<s:Detail xmlns:d1="urn:d" xmlns:d2="urn:e"><d1:Info code="&quot;7&quot;&#9;" d2:kind="x" xml:lang="en">` +
        `n &amp; m<Plain/><d2:More>]]&gt;</d2:More></d1:Info>tail</s:Detail></s:Fault></s:Body></s:Envelope>`
    )
  })

  it("writes a SOAP 1.1 detail after faultactor, unqualified as SOAP 1.1 declares it", () => {
    const xml = XmlCodec.encodeFault({
      soapVersion: "1.1",
      code: { namespace: "http://schemas.xmlsoap.org/soap/envelope/", name: "Client" },
      text: "bad",
      actor: "urn:me",
      detail: [{ namespace: "", name: "Why", children: ["x"] }]
    })
    expect(xml).toBe(
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode>` +
        `<faultstring xml:lang="en-US">bad</faultstring><faultactor>urn:me</faultactor><detail><Why>x</Why></detail>` +
        `</s:Fault></s:Body></s:Envelope>`
    )
  })

  it("writes only the parts a fault has: no actor, node, subcodes or detail when it has none", () => {
    expect(XmlCodec.encodeFault({ soapVersion: "1.1", code: { namespace: "", name: "Busy" }, text: "t" })).toBe(
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>Busy</faultcode>` +
        `<faultstring xml:lang="en-US">t</faultstring></s:Fault></s:Body></s:Envelope>`
    )
    expect(XmlCodec.encodeFault({ soapVersion: "1.2", code: { namespace: SOAP12, name: "Receiver" }, text: "t" })).toBe(
      `<s:Envelope xmlns:s="${SOAP12}"><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code>` +
        `<s:Reason><s:Text xml:lang="en-US">t</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`
    )
  })

  it("writes a detail's attributes in no namespace and an empty detail", () => {
    const xml = XmlCodec.encodeFault({
      soapVersion: "1.1",
      code: { namespace: "urn:c", name: "Busy" },
      text: "t",
      detail: [{ namespace: "", name: "Why", attributes: [{ name: "code", value: "7" }] }]
    })
    expect(xml).toContain(`<faultcode xmlns:c="urn:c">c:Busy</faultcode>`)
    expect(xml).toContain(`<detail><Why code="7"/></detail>`)
    expect(XmlCodec.encodeFault({ soapVersion: "1.1", code: { namespace: "", name: "B" }, text: "t", detail: [] }))
      .toContain(`<detail></detail>`)
  })

  it("writes an attribute named xmlns when it is in a namespace: prefixed, it declares nothing", () => {
    const xml = XmlCodec.encodeFault({
      soapVersion: "1.1",
      code: { namespace: "", name: "Client" },
      text: "t",
      detail: [{ namespace: "", name: "Why", attributes: [{ namespace: "urn:e", name: "xmlns", value: "v" }] }]
    })
    expect(xml).toContain(`<detail xmlns:d1="urn:e"><Why d1:xmlns="v"/></detail>`)
    const decoded = XmlCodec.decodeResult(ErpSync.SaveConnectionResponse)(xml)
    expect(Result.isFailure(decoded) && decoded.failure._tag === "SoapFault" && decoded.failure.detail).toContain(
      `:xmlns="v"`
    )
  })

  it("refuses, with a TypeError, what would not be well-formed XML: names, characters, declarations", () => {
    const fault = { soapVersion: "1.1" as const, code: { namespace: "", name: "Client" }, text: "x" }
    const attempts = [
      { ...fault, code: { namespace: "", name: "a b" } },
      { ...fault, text: "nul \u0000" },
      { ...fault, actor: "\uD800" },
      { ...fault, detail: [{ namespace: "", name: "p:q" }] },
      { ...fault, detail: [{ namespace: "", name: "1st" }] },
      { ...fault, detail: [{ namespace: "", name: "e", attributes: [{ name: "xmlns", value: "urn:x" }] }] },
      { ...fault, detail: [{ namespace: "http://www.w3.org/2000/xmlns/", name: "e" }] },
      { ...fault, detail: ["\u0001"] },
      // In attribute values: the language, a namespace, a detail element's attribute.
      { ...fault, lang: "en\u0000" },
      { ...fault, code: { namespace: "urn:\uFFFE", name: "C" } },
      { ...fault, detail: [{ namespace: "urn:\u0001", name: "e" }] },
      { ...fault, detail: [{ namespace: "", name: "e", attributes: [{ name: "a", value: "\uDC00" }] }] }
    ]
    for (const attempt of attempts) expect(() => XmlCodec.encodeFault(attempt)).toThrow(TypeError)
  })
})

describe("encoding schemas of one's own", () => {
  const NS = "urn:test"
  const XSI = `xmlns:i="http://www.w3.org/2001/XMLSchema-instance"`
  const doc = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
    Schema.Struct(fields).annotate({ ...Xml.root("r", NS), ...Xml.complexType("r", NS) })

  it("prefixes the namespaces a, b, … in the order met, skipping s and i, then n26, n27, …", () => {
    // Thirty members, each in a namespace of its own: the encoder's own prefixes are never given away.
    const fields = Object.fromEntries(
      Array.from({ length: 30 }, (_, k) => [`m${k}`, Xml.element(Xsd.int, { namespace: `urn:ns${k}` })])
    )
    const xml = Result.getOrThrow(
      XmlCodec.encodeResult(doc(fields))(Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`m${k}`, k])))
    )
    const letters = "abcdefghjklmnopqrtuvwxyz".split("")
    const prefixes = [...letters, ...Array.from({ length: 6 }, (_, k) => `n${k + 26}`)]
    expect(prefixes).toHaveLength(30)
    const declarations = prefixes.map((p, k) => ` xmlns:${p}="urn:ns${k}"`).join("")
    const members = prefixes.map((p, k) => `<${p}:m${k}>${k}</${p}:m${k}>`).join("")
    expect(xml).toBe(`<r xmlns="${NS}"${declarations} ${XSI}>${members}</r>`)
  })

  it("declares the namespaces of header blocks and body members on the envelope, the header's first", () => {
    const message = Soap.message({
      namespace: NS,
      header: {
        Trace: Soap.header(
          Schema.Struct({ Id: Xml.element(Xsd.string, { namespace: "urn:trace" }) }).annotate(
            Xml.complexType("Trace", "urn:h")
          ),
          { namespace: "urn:h" }
        )
      },
      body: { name: "Ping", fields: { Note: Xml.element(Xsd.string, { namespace: "urn:note" }) } }
    })
    const xml = Result.getOrThrow(
      XmlCodec.encodeResult(message)({ Header: { Trace: { Id: "t" } }, Body: { Note: "n" } })
    )
    expect(xml).toBe(
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns="${NS}" xmlns:a="urn:h" xmlns:b="urn:trace" xmlns:c="urn:note" ${XSI}>` +
        `<s:Header><a:Trace><b:Id>t</b:Id></a:Trace></s:Header><s:Body><Ping><c:Note>n</c:Note></Ping></s:Body></s:Envelope>`
    )
  })

  it("writes empty text as an empty element", () => {
    expect(XmlCodec.encodeResult(doc({ a: Xsd.string }))({ a: "" })).toStrictEqual(
      Result.succeed(`<r xmlns="${NS}" ${XSI}><a/></r>`)
    )
  })

  it("refuses null for an element that is not nillable, at the element", () => {
    const result = XmlCodec.encodeResult(doc({ a: Xsd.int }))({ a: null } as never)
    expect(Result.flip(result)).toMatchObject(
      Result.succeed({ _tag: "XmlEncodeError", reason: "InvalidValue", path: "/r/a" })
    )
  })

  it("refuses a message that is not an object, and a required header block that is missing", () => {
    const message = Soap.message({ namespace: NS, header: { Token: Xsd.string }, body: { name: "Ping", fields: {} } })
    const encode = XmlCodec.encodeResult(message)
    for (const value of [5, "x", null, undefined]) {
      expect(Result.flip(encode(value as never))).toMatchObject(
        Result.succeed({ _tag: "XmlEncodeError", reason: "InvalidValue", path: "/Envelope" })
      )
    }
    expect(Result.flip(encode({ Header: {}, Body: {} } as never))).toMatchObject(
      Result.succeed({ _tag: "XmlEncodeError", reason: "InvalidValue", path: "/Envelope/Header/Token" })
    )
    expect(encode({ Header: { Token: "t" }, Body: {} })).toStrictEqual(
      Result.succeed(
        `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns="${NS}" ${XSI}><s:Header><Token>t</Token></s:Header><s:Body><Ping></Ping></s:Body></s:Envelope>`
      )
    )
  })
})
