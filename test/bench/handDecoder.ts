/**
 * A SaveConnectionResponse decoder written by hand on saxes (namespaces off), as a developer would write
 * one for this message alone: a switch on each element's local name, the same value as the codec's
 * (objects, numbers and booleans read strictly, `xsi:nil`, strings detached from the input, duplicate
 * ConfigFields keys refused with a `Set`). It checks less than the codec does (no namespaces, element
 * order, required or unknown elements, limits, positions in errors): the ceiling for a decoder on saxes.
 */
import type { SaxesTag } from "saxes"
import { detach } from "../../packages/codec/src/internal/schema/lexical.js"
import { makeParser } from "./saxes.js"

const INT = /^[+-]?[0-9]+$/
const readInt = (text: string): number => {
  const n = INT.test(text) ? Number(text) : Number.NaN
  if (!(n >= -2147483648 && n <= 2147483647)) throw new Error(`not an int: ${text}`)
  return n
}
const readBoolean = (text: string): boolean => {
  if (text === "true" || text === "1") return true
  if (text === "false" || text === "0") return false
  throw new Error(`not a boolean: ${text}`)
}
const localName = (name: string): string => {
  const colon = name.indexOf(":")
  return colon < 0 ? name : name.slice(colon + 1)
}

type Connection = Record<string, unknown>
interface Pair {
  Key: string | null
  Value: string | null
}

/** The decoder's state for one document. */
class State {
  text = ""
  nil = false
  header: Record<string, unknown> = {}
  connection: Connection = {}
  pairs: Array<Pair> = []
  pair: Pair = { Key: null, Value: null }
  keys = new Set<string | null>()
  ids: Array<number> = []
  result: unknown = undefined
}

let state = new State()

const onOpenTag = (tag: SaxesTag): void => {
  state.text = ""
  state.nil = false
  const attributes = tag.attributes as Record<string, string>
  for (const name in attributes) if (name.endsWith(":nil") && attributes[name] === "true") state.nil = true
  switch (localName(tag.name)) {
    case "Response":
      state.connection = {}
      return
    case "ConfigFields":
      state.pairs = []
      state.keys = new Set()
      return
    case "StringKeyValuePair":
      state.pair = { Key: null, Value: null }
      return
    case "UserGroupAccessIds":
    case "AssociateAccessIds":
      state.ids = []
      return
  }
}

const onText = (text: string): void => {
  state.text += text
}

const onCloseTag = (tag: SaxesTag): void => {
  const s = state
  const name = localName(tag.name)
  switch (name) {
    case "Succeeded":
      s.header[name] = readBoolean(s.text)
      break
    case "TableRight":
    case "FieldProperties":
      s.connection[name] = null
      break
    case "ErpConnectionId":
    case "ErpConnectorId":
      s.connection[name] = readInt(s.text)
      break
    case "DisplayName":
    case "DisplayDescription":
    case "ConnectionId":
    case "MostRecentTimestamp":
      s.connection[name] = s.nil ? null : detach(s.text)
      break
    case "Active":
    case "Deleted":
    case "AllAccess":
      s.connection[name] = readBoolean(s.text)
      break
    case "Key":
      s.pair.Key = s.nil ? null : detach(s.text)
      break
    case "Value":
      s.pair.Value = s.nil ? null : detach(s.text)
      break
    case "StringKeyValuePair": {
      const size = s.keys.size
      s.keys.add(s.pair.Key)
      if (s.keys.size === size) throw new Error(`duplicate key ${s.pair.Key}`)
      s.pairs.push(s.pair)
      break
    }
    case "ConfigFields":
      s.connection[name] = s.nil ? null : s.pairs
      break
    case "int":
      s.ids.push(readInt(s.text))
      break
    case "UserGroupAccessIds":
    case "AssociateAccessIds":
      s.connection[name] = s.nil ? null : s.ids
      break
    case "Envelope":
      s.result = { Header: s.header, Body: { Response: s.connection } }
      break
  }
  s.text = ""
}

const handlers = { opentag: onOpenTag, text: onText, closetag: onCloseTag }

/** An idle parser kept alive, as the codec keeps one (see `saxesRaw`). */
export const keepWarm = makeParser(false, handlers)

/** Decodes a SaveConnectionResponse envelope, fed to saxes in 64 KiB slices as the codec feeds it. */
export const handDecode = (xml: string): unknown => {
  state = new State()
  const parser = makeParser(false, handlers)
  for (let start = 0; start < xml.length; start += 65536) parser.write(xml.slice(start, start + 65536))
  parser.close()
  return state.result
}
