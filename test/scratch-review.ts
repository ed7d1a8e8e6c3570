import { XmlCodec, Xml, Xsd } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Either from "effect/Either"
const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
const NS = "http://www.superoffice.net/ws/crm/NetServer/Services86"
const XSI = "http://www.w3.org/2001/XMLSchema-instance"
const env = (body: string, header = "") =>
  `<s:Envelope xmlns:s="${SOAP11}" xmlns="${NS}" xmlns:i="${XSI}">` + (header === "" ? "" : `<s:Header>${header}</s:Header>`) + `<s:Body>${body}</s:Body></s:Envelope>`
const show = (label: string, r: any) => console.log(label, "=>", Either.isRight(r) ? "RIGHT " + String(JSON.stringify(r.right)).slice(0, 300) : "LEFT " + r.left._tag + " " + r.left.message)
{
  const xml = env("<DeleteConnectionResponse/>")
  const d = XmlCodec.makeDecoder(ErpSync.DeleteConnectionResponse, { limits: { maxTextLength: 1000 } })
  show("write", d.write(xml + " ".repeat(1500)))
  show("end after failed write", d.end())
}
for (const kind of ["skip", "fault"]) {
  const n = 3_000_000
  const xml = kind === "fault"
    ? env(`<s:Fault><faultcode>s:Server</faultcode><faultstring>x</faultstring><detail>${"<a/>".repeat(n)}</detail></s:Fault>`)
    : env(`<DeleteConnectionResponse/>`, `<Unknown>${"<a/>".repeat(n)}</Unknown>`)
  global.gc?.()
  const before = process.memoryUsage().heapUsed
  let peak = 0
  const d = XmlCodec.makeDecoder(ErpSync.DeleteConnectionResponse)
  const step = 1 << 20
  for (let i = 0; i < xml.length; i += step) {
    const r = d.write(xml.slice(i, i + step))
    peak = Math.max(peak, process.memoryUsage().heapUsed)
    if (Either.isLeft(r)) break
  }
  d.end()
  console.log(kind, "doc MB", (xml.length/1e6).toFixed(1), "heap growth MB", ((peak - before) / 1e6).toFixed(0))
}
