/**
 * The codec's errors as users meet them: each one's reasons are those its README tables document, its
 * message leads with where (`line:column: at path:`), and it is a Schema that survives JSON.
 */
import { XmlError } from "@erpsync/codec"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

const errors = {
  XmlParseError: XmlError.XmlParseError,
  XmlLimitError: XmlError.XmlLimitError,
  SoapEnvelopeError: XmlError.SoapEnvelopeError,
  XmlDecodeError: XmlError.XmlDecodeError,
  XmlEncodeError: XmlError.XmlEncodeError,
  SoapFault: XmlError.SoapFault,
  XmlReadError: XmlError.XmlReadError
} as const

/** The reasons a README's errors table gives for `tag`, or undefined when it has no row for it. */
const documented = (readme: string, tag: string): Array<string> | undefined => {
  const row = readFileSync(new URL(readme, import.meta.url), "utf8").split("\n").find((line) =>
    line.startsWith(`| \`${tag}\` |`)
  )
  if (row === undefined) return undefined
  // The reasons cell, without its explanations in parentheses.
  const reasons = row.split("|")[2]!.replace(/\([^)]*\)/g, "")
  return [...reasons.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!)
}

describe("the reasons of the codec's errors", () => {
  it.each(Object.entries(errors))("%s: as the codec's README and the project's README list them", (tag, error) => {
    const reason = error.fields.reason
    const reasons = ("literals" in reason ? [...reason.literals] : [reason.literal]).sort()
    expect(documented("../../packages/codec/README.md", tag)?.sort()).toStrictEqual(reasons)
    const root = documented("../../README.md", tag)
    expect(root?.sort() ?? reasons).toStrictEqual(reasons)
  })
})

describe("an error's message", () => {
  it("leads with line:column and the path when it has them", () => {
    const located = new XmlError.XmlDecodeError({
      reason: "InvalidValue",
      detail: "\"x\" is not a valid xs:int",
      path: "/r/n",
      line: 3,
      column: 14
    })
    expect(located.message).toBe(`3:14: at /r/n: InvalidValue: "x" is not a valid xs:int`)
    expect(new XmlError.XmlParseError({ reason: "Empty", detail: "no root", path: "" }).message).toBe("Empty: no root")
    expect(new XmlError.XmlParseError({ reason: "Malformed", detail: "bad", path: "", line: 1, column: 2 }).message)
      .toBe("1:2: Malformed: bad")
    expect(new XmlError.XmlParseError({ reason: "Malformed", detail: "bad", path: "/a", line: 4 }).message)
      .toBe("4:0: at /a: Malformed: bad")
    expect(new XmlError.XmlLimitError({ reason: "Depth", limit: 64, path: "/a/b", line: 1, column: 9 }).message)
      .toBe("1:9: at /a/b: Depth limit of 64 exceeded")
    expect(
      new XmlError.SoapEnvelopeError({ reason: "EmptyBody", detail: "the Body is empty", path: "/Envelope/Body" })
        .message
    )
      .toBe("at /Envelope/Body: EmptyBody: the Body is empty")
    expect(new XmlError.XmlEncodeError({ reason: "InvalidValue", detail: "null", path: "/r/a" }).message)
      .toBe("at /r/a: InvalidValue: null")
    expect(new XmlError.XmlReadError({ reason: "Stream", detail: "reset" }).message).toBe("Stream: reset")
  })

  it("of a fault names the SOAP version and the code, by namespace when it has one", () => {
    const fault = (namespace: string) =>
      new XmlError.SoapFault({
        reason: "Sender",
        soapVersion: "1.1",
        code: { namespace, name: "Client" },
        subcodes: [],
        text: "bad ticket",
        texts: [],
        path: ""
      })
    expect(fault("").message).toBe("SOAP 1.1 Fault Client: bad ticket")
    expect(fault("urn:s").message).toBe("SOAP 1.1 Fault {urn:s}Client: bad ticket")
  })
})

describe("errors are Schemas", () => {
  it("an error goes to JSON and back, equal and of its class", () => {
    const error = new XmlError.XmlDecodeError({ reason: "OutOfOrder", detail: "d", path: "/r/a", line: 1, column: 5 })
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(XmlError.XmlDecodeError)(error)))
    expect(json).toStrictEqual({
      _tag: "XmlDecodeError",
      reason: "OutOfOrder",
      detail: "d",
      path: "/r/a",
      line: 1,
      column: 5
    })
    const back = Schema.decodeUnknownSync(XmlError.XmlDecodeError)(json)
    expect(back).toBeInstanceOf(XmlError.XmlDecodeError)
    expect(back).toStrictEqual(error)
  })
})

describe("each error class", () => {
  it("is named by its package-qualified identifier, which a refusal of its JSON carries", () => {
    for (
      const [tag, error] of Object.entries<Schema.Codec<unknown, unknown> & { readonly identifier: string }>(errors)
    ) {
      expect(error.identifier).toBe(`@erpsync/codec/${tag}`)
      const refused = Schema.decodeUnknownResult(error)({ _tag: tag, reason: 5 })
      // The refusal is the class's own: its issue is at the class's declaration, which names it.
      const issue = Result.isFailure(refused) ? refused.failure.issue : undefined
      expect(issue?._tag === "Encoding" && issue.ast.annotations?.["identifier"]).toBe(`@erpsync/codec/${tag}`)
      expect(String(Result.isFailure(refused) && refused.failure)).toContain(`at ["reason"]`)
    }
  })

  it("a SoapFault keeps its codes, texts, actor, node and detail through JSON", () => {
    const fault = new XmlError.SoapFault({
      reason: "Sender",
      soapVersion: "1.2",
      code: { namespace: "http://www.w3.org/2003/05/soap-envelope", name: "Sender" },
      subcodes: [{ namespace: "urn:app", name: "Stale" }, { namespace: "", name: "Again" }],
      text: "no",
      texts: [{ lang: "en", text: "no" }, { lang: "nb", text: "nei" }],
      actor: "urn:role",
      node: "urn:node",
      detail: "<d xmlns=\"urn:app\">x</d>",
      path: "/Envelope/Body/Fault",
      line: 3,
      column: 9
    })
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(XmlError.SoapFault)(fault)))
    expect(json.code).toStrictEqual({ namespace: "http://www.w3.org/2003/05/soap-envelope", name: "Sender" })
    expect(json.subcodes).toStrictEqual([{ namespace: "urn:app", name: "Stale" }, { namespace: "", name: "Again" }])
    expect(json.texts).toStrictEqual([{ lang: "en", text: "no" }, { lang: "nb", text: "nei" }])
    const back = Schema.decodeUnknownSync(XmlError.SoapFault)(json)
    expect(back).toBeInstanceOf(XmlError.SoapFault)
    expect(back).toStrictEqual(fault)
    // Each code and text is checked for what it holds.
    const decode = Schema.decodeUnknownResult(XmlError.SoapFault)
    for (
      const wrong of [
        { code: { namespace: "", name: 5 } },
        { code: { name: "Sender" } },
        { subcodes: [{ namespace: 1, name: "Stale" }] },
        { texts: [{ lang: "en" }] },
        { texts: [{ lang: 7, text: "no" }] }
      ]
    ) {
      expect(decode({ ...json, ...wrong })._tag, JSON.stringify(wrong)).toBe("Failure")
    }
  })
})
