/**
 * Deterministic benchmark inputs: SaveConnectionResponse envelopes of about 2 KB, 350 KB and 12 MB, with
 * many ConfigFields pairs and ids, and text with `&amp;`, `&lt;`, non-ASCII characters and emoji.
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Result from "effect/Result"

export type Size = "2KB" | "350KB" | "12MB"

/** A small deterministic generator (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const WORDS = [
  "Visma",
  "Oslo",
  "faktura",
  "blåbær",
  "Ærø",
  "naïve",
  "Straße",
  "€",
  "😀",
  "R&D",
  "a<b",
  "x>y",
  "\"q\"",
  "tab\tkey"
]

const text = (next: () => number, words: number) =>
  Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(" ")

/** The connection of a response with `pairs` ConfigFields and `ids` ids in each id list. */
export const connection = (pairs: number, ids: number, seed = 1): ErpSync.ErpConnection => {
  const next = random(seed)
  return {
    TableRight: null,
    FieldProperties: null,
    ErpConnectionId: 4711,
    ErpConnectorId: 12,
    DisplayName: "Visma Business – Oslo & Bergen <prod> 😀",
    DisplayDescription: text(next, 12),
    Active: true,
    ConnectionId: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    MostRecentTimestamp: "2026-11-28T01:02:03.456Z",
    ConfigFields: Array.from({ length: pairs }, (_, i) => ({ Key: `key-${i}-${text(next, 1)}`, Value: text(next, 4) })),
    Deleted: false,
    AllAccess: false,
    UserGroupAccessIds: Array.from({ length: ids }, (_, i) => i * 7 - 3),
    AssociateAccessIds: Array.from({ length: ids }, (_, i) => 2147483647 - i)
  }
}

const SHAPES: Record<Size, readonly [pairs: number, ids: number]> = {
  "2KB": [12, 8],
  "350KB": [2600, 2000],
  "12MB": [90000, 70000]
}

export interface Input {
  readonly size: Size
  readonly value: ErpSync.SaveConnectionResponse
  readonly xml: string
  readonly bytes: Uint8Array
}

export const makeInput = (size: Size): Input => {
  const [pairs, ids] = SHAPES[size]
  const value: ErpSync.SaveConnectionResponse = {
    Header: { Succeeded: true },
    Body: { Response: connection(pairs, ids) }
  }
  const bytes = new TextEncoder().encode(
    Result.getOrThrow(XmlCodec.encodeResult(ErpSync.SaveConnectionResponse)(value))
  )
  // Read back from its bytes, the text is one flat string, as a body read from the network is.
  return { size, value, xml: new TextDecoder().decode(bytes), bytes }
}

/** The SaveConnection request carrying the same connection, for the encoders. */
export const requestOf = (input: Input): ErpSync.SaveConnectionRequest => ({
  Header: { Credentials: { Ticket: "7T:bench-ticket" } },
  Body: { Connection: input.value.Body.Response }
})

const pick = <A>(next: () => number, values: ReadonlyArray<A>): A => values[Math.floor(next() * values.length)]!

/**
 * A GetConnectionsAndDisplayFields response: `connections` connections, each with `fields` ERP fields to
 * show (arrays of complex types inside an array of complex types, enumerations, nils), about 12 MB for
 * 1,500 connections of 20 fields.
 */
export const connectionsAndFields = (connections: number, fields: number, seed = 7): LargeInput => {
  const next = random(seed)
  const field = (i: number): ErpSync.FieldMetadata => ({
    TableRight: null,
    FieldProperties: null,
    FieldKey: `field-${i}`,
    Rank: i,
    DisplayName: text(next, 2),
    DisplayDescription: next() < 0.3 ? null : text(next, 6),
    FieldType: pick(next, ["Checkbox", "Text", "Password", "Integer", "Double", "List", "Date", "Label"] as const),
    ListName: next() < 0.8 ? null : text(next, 1),
    DefaultValue: next() < 0.5 ? "" : text(next, 1),
    MaxLength: Math.floor(next() * 255),
    Access: pick(next, ["Normal", "Mandatory", "ReadOnly"] as const),
    ShowInSearch: next() < 0.5
  })
  const value: ErpSync.GetConnectionsAndDisplayFieldsResponse = {
    Header: { Succeeded: true },
    Body: {
      Response: Array.from({ length: connections }, (_, c) => ({
        TableRight: null,
        FieldProperties: null,
        ErpConnectionId: c + 1,
        ConnectionName: `${text(next, 2)} ${c}`,
        Connected: next() < 0.5,
        ErpFields: Array.from({ length: fields }, (_, i) => field(i)),
        CrmActorType: pick(next, ["Unknown", "Contact", "Person", "Project", "Sale"] as const),
        ErpActorType: pick(next, ["Customer", "Supplier", "Partner", "Person", "Project", "Employee", "Sale"] as const),
        ErpActorTypes: ["Customer", "Supplier", "Person"]
      }))
    }
  }
  const xml = Result.getOrThrow(XmlCodec.encodeResult(ErpSync.GetConnectionsAndDisplayFieldsResponse)(value))
  const bytes = new TextEncoder().encode(xml)
  return { value, xml: new TextDecoder().decode(bytes), bytes }
}

export interface LargeInput {
  readonly value: ErpSync.GetConnectionsAndDisplayFieldsResponse
  readonly xml: string
  readonly bytes: Uint8Array
}
