/**
 * Decoding errors: each one typed, with a closed reason, the XML path and the line:column of the input.
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import { describe, expect, it } from "vitest"
import { connectionResponse, defaultConnection, envelope, NS, SOAP11 } from "./support/envelope.js"

const decode = XmlCodec.decodeResult(ErpSync.SaveConnectionResponse)
const errorOf = (input: string | Uint8Array) => {
  const result = decode(input)
  if (Result.isSuccess(result)) throw new Error("expected an error, got " + JSON.stringify(result.success))
  return result.failure
}

describe("schema errors", () => {
  it("an element out of xs:sequence order names the path and line:column", () => {
    const xml = connectionResponse(`<DisplayName>a</DisplayName>\n<ErpConnectionId>1</ErpConnectionId>`)
    const error = errorOf(xml)
    expect(error).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "OutOfOrder",
      path: "/Envelope/Body/SaveConnectionResponse/Response/ErpConnectionId",
      line: 2
    })
    expect(error.message).toMatch(/^2:\d+: at \/Envelope\/Body\/SaveConnectionResponse\/Response\/ErpConnectionId: /)
  })

  it("an element twice", () => {
    expect(errorOf(connectionResponse(`<Active>true</Active><Active>true</Active>`))).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "DuplicateElement",
      path: "/Envelope/Body/SaveConnectionResponse/Response/Active"
    })
  })

  it("a wrong response element", () => {
    expect(errorOf(envelope(`<GetConnectionResponse/>`))).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "UnexpectedElement",
      path: "/Envelope/Body/GetConnectionResponse"
    })
  })

  it("the right local name in the wrong namespace is a wrong element", () => {
    expect(errorOf(envelope(`<SaveConnectionResponse xmlns="urn:other"/>`))).toMatchObject({
      reason: "UnexpectedElement"
    })
  })

  it("an invalid value names its element and position", () => {
    const xml = connectionResponse(`<UserGroupAccessIds><a:int>1</a:int><a:int>x</a:int></UserGroupAccessIds>`)
    expect(errorOf(xml)).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "InvalidValue",
      path: "/Envelope/Body/SaveConnectionResponse/Response/UserGroupAccessIds/int[2]",
      line: 1
    })
  })

  it("text where elements are expected", () => {
    expect(errorOf(connectionResponse(`stray<Active>true</Active>`))).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "UnexpectedText"
    })
  })

  it("an element inside simple content", () => {
    expect(errorOf(connectionResponse(`<DisplayName><b>x</b></DisplayName>`))).toMatchObject({
      reason: "UnexpectedElement",
      path: "/Envelope/Body/SaveConnectionResponse/Response/DisplayName/b"
    })
  })
})

describe("forward compatibility", () => {
  it("unknown elements are skipped, wherever they are, with their content", () => {
    const xml = connectionResponse(
      `<NewFirst><x><y>1</y></x></NewFirst><ErpConnectionId>5</ErpConnectionId><Extra a="1">t</Extra>` +
        `<UserGroupAccessIds><a:int>1</a:int><a:long>2</a:long><a:int>3</a:int></UserGroupAccessIds>`
    )
    expect(decode(xml)).toStrictEqual(
      Result.succeed({
        Header: {},
        Body: { Response: { ...defaultConnection, ErpConnectionId: 5, UserGroupAccessIds: [1, 3] } }
      })
    )
  })

  it("unknown header blocks are skipped", () => {
    expect(decode(connectionResponse("", `<Other xmlns="urn:x"><Deep/></Other><Succeeded>true</Succeeded>`)))
      .toStrictEqual(Result.succeed({ Header: { Succeeded: true }, Body: { Response: defaultConnection } }))
  })
})

describe("envelope errors", () => {
  it("an HTML page is not SOAP", () => {
    expect(errorOf("<html><body>Bad gateway</body></html>")).toMatchObject({
      _tag: "SoapEnvelopeError",
      reason: "NotSoap"
    })
  })

  it("an Envelope in an unknown namespace is not SOAP", () => {
    expect(errorOf(`<Envelope xmlns="urn:soap"><Body/></Envelope>`)).toMatchObject({ reason: "NotSoap" })
  })

  it.each([
    ["MissingBody", `<s:Envelope xmlns:s="${SOAP11}"/>`],
    ["EmptyBody", `<s:Envelope xmlns:s="${SOAP11}"><s:Body/></s:Envelope>`],
    ["EmptyBody", `<s:Envelope xmlns:s="${SOAP11}"><s:Body> </s:Body></s:Envelope>`],
    [
      "DuplicateBody",
      `<s:Envelope xmlns:s="${SOAP11}"><s:Body><SaveConnectionResponse xmlns="${NS}"/></s:Body><s:Body/></s:Envelope>`
    ],
    [
      "HeaderAfterBody",
      `<s:Envelope xmlns:s="${SOAP11}"><s:Body><SaveConnectionResponse xmlns="${NS}"/></s:Body><s:Header/></s:Envelope>`
    ],
    ["DuplicateHeader", `<s:Envelope xmlns:s="${SOAP11}"><s:Header/><s:Header/><s:Body/></s:Envelope>`],
    [
      "UnexpectedBodyElement",
      `<s:Envelope xmlns:s="${SOAP11}"><s:Body><SaveConnectionResponse xmlns="${NS}"/><X/></s:Body></s:Envelope>`
    ]
  ])("%s", (reason, xml) => {
    expect(errorOf(xml)).toMatchObject({ _tag: "SoapEnvelopeError", reason })
  })

  it("a header element that the WSDL declares is decoded from directly under the Envelope (the examples' form)", () => {
    const xml = `<s:Envelope xmlns:s="${SOAP11}"><Succeeded xmlns="${NS}">false</Succeeded>` +
      `<s:Body><SaveConnectionResponse xmlns="${NS}"/></s:Body></s:Envelope>`
    expect(decode(xml)).toStrictEqual(Result.succeed({ Header: { Succeeded: false }, Body: { Response: null } }))
  })
})

describe("SOAP faults", () => {
  it("a SOAP 1.1 fault resolves its faultcode against the namespaces in scope", () => {
    const xml = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault>` +
      `<faultcode xmlns:a="http://schemas.microsoft.com/ws/2005/05/addressing/none">a:ActionNotSupported</faultcode>` +
      `<faultstring xml:lang="en-US">The message cannot be processed.</faultstring>` +
      `<detail><Info xmlns="urn:x">n &amp; m</Info></detail></s:Fault></s:Body></s:Envelope>`
    expect(errorOf(xml)).toMatchObject({
      _tag: "SoapFault",
      reason: "Other",
      soapVersion: "1.1",
      code: { namespace: "http://schemas.microsoft.com/ws/2005/05/addressing/none", name: "ActionNotSupported" },
      text: "The message cannot be processed.",
      texts: [{ lang: "en-US", text: "The message cannot be processed." }],
      detail: `<Info xmlns="urn:x">n &amp; m</Info>`
    })
  })

  it("a fault's detail stands on its own: namespaces declared further out are declared in it", () => {
    // WCF's ExceptionDetail, with its namespace and xsi's declared on the Envelope and the Fault.
    const dc = "http://schemas.datacontract.org/2004/07/System.ServiceModel"
    const xml = `<s:Envelope xmlns:s="${SOAP11}" xmlns="${dc}"><s:Body>` +
      `<s:Fault xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><faultcode xmlns="">s:Client</faultcode>` +
      `<faultstring xmlns="">x</faultstring><detail xmlns=""><ExceptionDetail xmlns="${dc}">` +
      `<InnerException i:nil="true"/><Message>a &lt; b</Message></ExceptionDetail>` +
      `<s:Extra xml:lang="nb">æ</s:Extra></detail></s:Fault></s:Body></s:Envelope>`
    expect(errorOf(xml)).toMatchObject({
      detail: `<ExceptionDetail xmlns="${dc}"><InnerException xmlns:i="http://www.w3.org/2001/XMLSchema-instance" ` +
        `i:nil="true"/><Message>a &lt; b</Message></ExceptionDetail><s:Extra xmlns:s="${SOAP11}" xml:lang="nb">æ</s:Extra>`
    })
  })

  it("a faultcode split by a comment is still resolved", () => {
    const xml = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault><faultcode> s:<!--x-->Client </faultcode>` +
      `<faultstring>bad</faultstring></s:Fault></s:Body></s:Envelope>`
    expect(errorOf(xml)).toMatchObject({ reason: "Sender", code: { namespace: SOAP11, name: "Client" } })
  })

  it("a SOAP 1.1 Client fault is a Sender fault", () => {
    const xml = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault><faultcode>s:Client</faultcode>` +
      `<faultstring>bad</faultstring><faultactor>urn:me</faultactor></s:Fault></s:Body></s:Envelope>`
    expect(errorOf(xml)).toMatchObject({
      reason: "Sender",
      code: { namespace: SOAP11, name: "Client" },
      actor: "urn:me"
    })
  })

  it("a SOAP 1.2 fault with subcodes and several reasons", () => {
    const env = "http://www.w3.org/2003/05/soap-envelope"
    const xml = `<e:Envelope xmlns:e="${env}"><e:Body><e:Fault>` +
      `<e:Code><e:Value>e:Sender</e:Value><e:Subcode><e:Value xmlns:p="urn:p">p:Auth</e:Value>` +
      `<e:Subcode><e:Value xmlns:q="urn:q">q:Expired</e:Value></e:Subcode></e:Subcode></e:Code>` +
      `<e:Reason><e:Text xml:lang="nb">Utløpt</e:Text><e:Text xml:lang="en">Expired</e:Text></e:Reason>` +
      `<e:Node>urn:node</e:Node><e:Role>urn:role</e:Role></e:Fault></e:Body></e:Envelope>`
    expect(errorOf(xml)).toMatchObject({
      _tag: "SoapFault",
      reason: "Sender",
      soapVersion: "1.2",
      code: { namespace: env, name: "Sender" },
      subcodes: [{ namespace: "urn:p", name: "Auth" }, { namespace: "urn:q", name: "Expired" }],
      text: "Expired",
      texts: [{ lang: "nb", text: "Utløpt" }, { lang: "en", text: "Expired" }],
      node: "urn:node",
      actor: "urn:role"
    })
  })
})

describe("XML errors", () => {
  it.each([
    ["Doctype", `<!DOCTYPE x [<!ENTITY a "b">]><x/>`],
    ["ProcessingInstruction", `<?xml-stylesheet href="x"?><x/>`],
    ["Version", `<?xml version="1.1"?><x/>`],
    ["Encoding", `<?xml version="1.0" encoding="UTF-16"?><x/>`],
    ["Empty", ""],
    ["Empty", "  \n\t "],
    ["Malformed", `<s:Envelope xmlns:s="${SOAP11}"><s:Body a=1/></s:Envelope>`],
    ["Malformed", `<s:Envelope xmlns:s="${SOAP11}"><s:Body><x:y/></s:Body></s:Envelope>`],
    ["Malformed", `<u:Envelope><u:Body/></u:Envelope>`]
  ])("%s", (reason, xml) => {
    expect(errorOf(xml)).toMatchObject({ _tag: "XmlParseError", reason })
  })

  it("a document cut short is Truncated, at every byte offset", () => {
    const xml = new TextEncoder().encode(connectionResponse(`<DisplayName>ærø 😀</DisplayName>`))
    for (let i = 0; i < xml.length; i++) {
      const result = decode(xml.subarray(0, i))
      expect(Result.isFailure(result)).toBe(true)
    }
    expect(errorOf(xml.subarray(0, xml.length - 3))).toMatchObject({ _tag: "XmlParseError", reason: "Truncated" })
  })

  it("invalid UTF-8 is an Encoding error, never U+FFFD", () => {
    const bytes = new TextEncoder().encode(connectionResponse(`<DisplayName>ab</DisplayName>`))
    const at = bytes.indexOf(0x61)
    bytes[at] = 0xff
    expect(errorOf(bytes)).toMatchObject({ _tag: "XmlParseError", reason: "Encoding" })
  })

  it("a stream stops being read at the first error", async () => {
    let pulled = 0
    const chunks = Stream.fromIterable(["<html>", "<body>", "</body>", "</html>"]).pipe(
      Stream.tap(() => Effect.sync(() => pulled++))
    )
    const result = await Effect.runPromise(Effect.result(XmlCodec.decodeStream(ErpSync.SaveConnectionResponse)(chunks)))
    expect(Result.isFailure(result) && result.failure._tag).toBe("SoapEnvelopeError")
    expect(pulled).toBe(1)
  })

  it("decodes from an async iterable and from a web ReadableStream", async () => {
    const xml = connectionResponse(`<ErpConnectionId>9</ErpConnectionId>`)
    const bytes = new TextEncoder().encode(xml)
    async function* iterable() {
      yield bytes.subarray(0, 10)
      yield bytes.subarray(10)
    }
    const readable = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 7))
        controller.enqueue(bytes.subarray(7))
        controller.close()
      }
    })
    const expected = { Header: {}, Body: { Response: { ...defaultConnection, ErpConnectionId: 9 } } }
    const decodeStream = XmlCodec.decodeStream(ErpSync.SaveConnectionResponse)
    expect(await Effect.runPromise(decodeStream(iterable()))).toStrictEqual(expected)
    expect(await Effect.runPromise(decodeStream(readable))).toStrictEqual(expected)
  })
})

describe("SOAP faults, read at their corners", () => {
  const SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
  const fault11 = (inner: string, declarations = "") =>
    `<s:Envelope xmlns:s="${SOAP11}"${declarations}><s:Body><s:Fault>${inner}</s:Fault></s:Body></s:Envelope>`
  const fault12 = (inner: string) =>
    `<e:Envelope xmlns:e="${SOAP12}"><e:Body><e:Fault>${inner}</e:Fault></e:Body></e:Envelope>`

  it.each([
    ["s:VersionMismatch", "VersionMismatch"],
    ["s:MustUnderstand", "MustUnderstand"],
    ["s:DataEncodingUnknown", "DataEncodingUnknown"],
    ["s:Client", "Sender"],
    ["s:Client.Authentication", "Sender"],
    ["s:Server", "Receiver"],
    ["s:Sender", "Sender"],
    ["s:Receiver", "Receiver"],
    ["s:Other", "Other"],
    ["x:Client", "Other"],
    ["Server", "Other"]
  ])(
    "a SOAP 1.1 faultcode %s is a fault of reason %s (only codes of the envelope's namespace are SOAP's)",
    (code, reason) => {
      const xml = fault11(`<faultcode xmlns:x="urn:x">${code}</faultcode><faultstring>f</faultstring>`)
      expect(errorOf(xml)).toMatchObject({ _tag: "SoapFault", reason })
    }
  )

  it("a fault without a code or a text has an empty code and text", () => {
    expect(errorOf(fault11(""))).toMatchObject({ code: { namespace: "", name: "" }, text: "", texts: [] })
    expect(errorOf(fault12(""))).toMatchObject({ code: { namespace: "", name: "" }, subcodes: [], text: "", texts: [] })
    expect(errorOf(fault12(`<e:Code/><e:Reason/>`))).toMatchObject({ code: { namespace: "", name: "" }, texts: [] })
  })

  it("a faultcode with markup in it is its text, trimmed", () => {
    expect(errorOf(fault11(`<faultcode> s:<b/>Client </faultcode>`))).toMatchObject({
      code: { namespace: "", name: "s:Client" }
    })
  })

  it("reads each Text of a SOAP 1.2 Reason, skipping whitespace and other elements, and prefers English", () => {
    const xml = fault12(
      `<e:Code><e:Value>e:Receiver</e:Value></e:Code><e:Reason>\n  <e:Text xml:lang="nb">Feil</e:Text>\n  ` +
        `<x:Note xmlns:x="urn:x">no</x:Note><e:Text xmlns:my="urn:my" my:lang="fr" xml:space="preserve" xml:lang="EN-gb">Error</e:Text>` +
        `<e:Text>none</e:Text>\n</e:Reason>`
    )
    expect(errorOf(xml)).toMatchObject({
      reason: "Receiver",
      text: "Error",
      texts: [{ lang: "nb", text: "Feil" }, { lang: "EN-gb", text: "Error" }, { lang: "", text: "none" }]
    })
    const noEnglish = fault12(
      `<e:Reason><e:Text xml:lang="nb">Feil</e:Text><e:Text xml:lang="de-en">Fehler</e:Text></e:Reason>`
    )
    expect(errorOf(noEnglish)).toMatchObject({ text: "Feil" })
  })

  it("a detail stands on its own: only the declarations it lacks are added, none for xml:", () => {
    const detailOf = (inner: string, declarations = "") => {
      const error = errorOf(fault11(`<faultcode>s:Client</faultcode><detail>${inner}</detail>`, declarations))
      return error._tag === "SoapFault" ? error.detail : undefined
    }
    expect(detailOf(`<e/>`)).toBe(`<e/>`)
    expect(detailOf(`<e/>`, ` xmlns="urn:d"`)).toBe(`<e xmlns="urn:d"/>`)
    expect(detailOf(`<p:e/>`, ` xmlns:p="urn:p"`)).toBe(`<p:e xmlns:p="urn:p"/>`)
    expect(detailOf(`<p:e xmlns:p="urn:p"><p:f/><g/></p:e>`)).toBe(`<p:e xmlns:p="urn:p"><p:f/><g/></p:e>`)
    expect(detailOf(`<e xmlns="urn:x"><f/></e>`)).toBe(`<e xmlns="urn:x"><f/></e>`)
    expect(detailOf(`<e xml:lang="nb"/>`)).toBe(`<e xml:lang="nb"/>`)
    expect(detailOf(`<e q:a="1"/>`, ` xmlns:q="urn:q"`)).toBe(`<e xmlns:q="urn:q" q:a="1"/>`)
  })

  it("a detail is cut at 8,192 characters", () => {
    const detailOf = (text: string) => {
      const error = errorOf(fault11(`<faultcode>s:Client</faultcode><detail>${text}</detail>`))
      return error._tag === "SoapFault" ? error.detail : undefined
    }
    expect(detailOf("d".repeat(8192))).toBe("d".repeat(8192))
    expect(detailOf("d".repeat(9000))).toBe("d".repeat(8192))
    expect(detailOf(`<e>${"d".repeat(9000)}</e><f/>`)).toBe(`<e>${"d".repeat(8189)}`)
  })

  it("the capture budget is spent by each element (twice its name, and 16), each attribute (name, value, 4) and text", () => {
    // Before the faultstring's text: s:Fault 7·2+16 = 30, faultcode 9·2+16 = 34, its text 8, faultstring
    // 11·2+16 = 38: 110 of 65,536. After the text, detail costs 6·2+16 = 28.
    const faultWith = (textLength: number, detail: string) =>
      errorOf(
        fault11(
          `<faultcode>s:Client</faultcode><faultstring>${
            "a".repeat(textLength)
          }</faultstring><detail>${detail}</detail>`
        )
      )
    // 65,536 - 110 - 65,398 - 28 = 0 left when the detail opens: what is inside it is skipped.
    expect(faultWith(65398, `<g/>`)).toMatchObject({ text: "a".repeat(65398), detail: "" })
    // 20 left: e (18, and 1 + 10 + 4 for its attribute) is kept, its text and what follows are not.
    expect(faultWith(65378, `<e a="vvvvvvvvvv">tail text that is long</e><f>x</f>`)).toMatchObject({
      detail: `<e a="vvvvvvvvvv"/>`
    })
    // 60 left: e and its text are kept.
    expect(faultWith(65338, `<e>tail</e>`)).toMatchObject({ detail: `<e>tail</e>` })
  })
})

describe("bytes", () => {
  it("a multi-byte character cut at the end of the input is invalid UTF-8, at the document's level", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(connectionResponse("")), 0xc3])
    expect(errorOf(bytes)).toMatchObject({ _tag: "XmlParseError", reason: "Encoding", path: "" })
  })

  it("the offset of invalid bytes counts the chunks before them", async () => {
    const first = new TextEncoder().encode(connectionResponse("").slice(0, 30))
    const chunks = Stream.fromIterable([first, new Uint8Array([0xff])])
    const result = await Effect.runPromise(Effect.result(XmlCodec.decodeStream(ErpSync.SaveConnectionResponse)(chunks)))
    expect(Result.isFailure(result) && result.failure).toMatchObject({ _tag: "XmlParseError", reason: "Encoding" })
    expect(Result.isFailure(result) && result.failure._tag === "XmlParseError" && result.failure.detail).toContain(
      `after offset ${first.length}`
    )
  })
})
