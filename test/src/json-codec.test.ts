/**
 * The JSON codec (`JsonCodec`), the form SuperOffice's REST WebAPI reads and writes (`REST.md` in the
 * vendor reference: section 3 for the forms, 5 for the case of member names): the laws for the body of
 * every message of both versions, the documented forms as oracles, and hostile or malformed input, each a
 * typed error with its place.
 */
import { DataContract, JsonCodec, JsonError, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { ErpSync, ErpSync88 } from "@erpsync/schema"
import * as Duration from "effect/Duration"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { defaultConnection } from "./support/envelope.js"
import { pointerOf, replaced } from "./support/jsonPaths.js"
import { messages } from "./support/messages.js"

const RUNS = Number(process.env["ERPSYNC_JSON_RUNS"] ?? 25)

const bodyOf = (schema: Schema.Codec<unknown, unknown>) =>
  (schema as unknown as Schema.Struct<{ readonly Body: Schema.Codec<unknown, unknown> }>).fields.Body

/** Every object of a value, deep. */
const objectsOf = (value: unknown): Array<object> =>
  Array.isArray(value)
    ? value.flatMap(objectsOf)
    : typeof value === "object" && value !== null && !(value instanceof Uint8Array) && !Duration.isDuration(value)
    ? [value, ...Object.values(value).flatMap(objectsOf)]
    : []

/** Whether JSON carries a value: a .NET dictionary (a JSON object) has no null key; the XML form alone has one. */
const carriedByJson = (value: unknown) =>
  objectsOf(value).filter((o) => isPair(o)).every((pair) => typeof (pair as { Key: unknown }).Key === "string")

/** Whether an object is a dictionary's `{ Key, Value }` pair. */
const isPair = (o: object) => Object.keys(o).length === 2 && "Key" in o && "Value" in o

/** The member names of the JSON objects of a text that stand for structs (not dictionaries: their keys are data). */
const memberNames = (json: unknown, dictionaryKeys: ReadonlySet<string>): Array<string> =>
  objectsOf(json).flatMap((o) => {
    const keys = Object.keys(o)
    return keys.every((key) => dictionaryKeys.has(key)) ? [] : keys
  })

describe("the laws of the JSON form, for the body of every message of both versions", () => {
  it.each(messages.map((m) => [m.label, m] as const))("%s", (_, { schema }) => {
    const body = bodyOf(schema)
    const encode = JsonCodec.encodeResult(body)
    const decode = JsonCodec.decodeResult(body)
    // The element names of the body's XML form: every struct member's JSON name is one of them.
    const { elements, types } = XmlCodec.describe(schema)
    const names = new Set<string>()
    const collect = (list: ReadonlyArray<XmlCodec.ElementDescription>) => {
      for (const element of list) {
        names.add(element.name)
        if (element.type.kind === "complex" && element.type.sequence !== undefined) collect(element.type.sequence)
      }
    }
    collect(elements)
    for (const sequence of types.values()) collect(sequence)
    fc.assert(
      fc.property(Arbitrary.make(body), (value) => {
        const pairs = objectsOf(value).filter(isPair) as Array<{ readonly Key: unknown }>
        // A .NET dictionary has no null key, and a JSON object none that is not a string: the XML form alone
        // carries one (the WSDL makes Key nillable).
        fc.pre(pairs.every((pair) => typeof pair.Key === "string"))
        const text = Result.getOrThrow(encode(value))
        // decode ∘ encode = identity
        expect(decode(text)).toStrictEqual(Result.succeed(value))
        // JSON that any reader reads, whose struct members are named as the WSDL names its elements.
        const parsed: unknown = JSON.parse(text)
        const keys = new Set(pairs.map((pair) => pair.Key as string))
        for (const name of memberNames(parsed, keys)) expect(names.has(name), name).toBe(true)
        // Read again from the camelCase SuperOffice's own client sends: the same value (a dictionary's keys
        // are data, and keep their case).
        if (pairs.length === 0) {
          const camel = text.replace(
            /"([A-Z])([A-Za-z0-9]*)":/g,
            (_, first: string, rest: string) => `"${first.toLowerCase()}${rest}":`
          )
          expect(decode(camel)).toStrictEqual(Result.succeed(value))
        }
      }),
      { numRuns: RUNS }
    )
    // Members left out (minOccurs="0") are written absent and read back as what make completes them to.
    fc.assert(
      fc.property(Arbitrary.makeInput(body), (input) => {
        const pairs = objectsOf(input).filter(isPair) as Array<{ readonly Key: unknown }>
        fc.pre(pairs.every((pair) => typeof pair.Key === "string"))
        const text = Result.getOrThrow(encode(input))
        expect(decode(text)).toStrictEqual(Result.succeed(body.make(input)))
      }),
      { numRuns: RUNS }
    )
  })
})

/** The paths of the scalars (not null) of a JSON value, deep. */
const scalarPaths = (json: unknown, path: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> =>
  Array.isArray(json)
    ? json.flatMap((item, i) => scalarPaths(item, [...path, i]))
    : typeof json === "object" && json !== null
    ? Object.entries(json).flatMap(([key, value]) => scalarPaths(value, [...path, key]))
    : json === null
    ? []
    : [path]

describe("a value of the wrong kind anywhere in a message is refused at its path", () => {
  it.each(messages.map((m) => [m.label, m] as const))("%s", (_, { schema }) => {
    const body = bodyOf(schema)
    const encode = JsonCodec.encodeResult(body)
    const decode = JsonCodec.decodeResult(body)
    fc.assert(
      fc.property(Arbitrary.make(body), fc.nat(), (value, choice) => {
        fc.pre(carriedByJson(value))
        const json: unknown = JSON.parse(Result.getOrThrow(encode(value)))
        const leaves = scalarPaths(json)
        if (leaves.length === 0) return
        const leaf = leaves[choice % leaves.length]!
        // An array where a number, a string or a boolean is: no simple type's form reads one.
        const failure = Result.getFailure(decode(JSON.stringify(replaced(json, leaf, [[]]))))
        expect(failure).toMatchObject({
          _tag: "Some",
          value: { _tag: "JsonDecodeError", reason: "InvalidValue", path: pointerOf(leaf) }
        })
      }),
      { numRuns: RUNS }
    )
  })
})

describe("the forms REST.md documents", () => {
  const connection = {
    TableRight: { Mask: ["Select", "Update"], Reason: "" },
    FieldProperties: [{
      Key: "DisplayName",
      Value: { FieldRight: null, FieldType: "System.String", FieldLength: 255 }
    }],
    ErpConnectionId: 5,
    ErpConnectorId: 7,
    DisplayName: "Visma",
    DisplayDescription: null,
    Active: true,
    ConnectionId: null,
    MostRecentTimestamp: "20240101",
    ConfigFields: [{ Key: "1", Value: "alias" }, { Key: "2", Value: "vel" }],
    Deleted: false,
    AllAccess: false,
    UserGroupAccessIds: [1, 2],
    AssociateAccessIds: []
  } satisfies ErpSync88.ErpConnection

  it("a connection: flags as comma-separated names, a dictionary as an object, nulls written out, members in the WSDL's order", () => {
    expect(JSON.parse(Result.getOrThrow(JsonCodec.encodeResult(ErpSync88.ErpConnection)(connection)))).toStrictEqual({
      TableRight: { Mask: "Select, Update", Reason: "" },
      FieldProperties: { DisplayName: { FieldRight: null, FieldType: "System.String", FieldLength: 255 } },
      ErpConnectionId: 5,
      ErpConnectorId: 7,
      DisplayName: "Visma",
      DisplayDescription: null,
      Active: true,
      ConnectionId: null,
      MostRecentTimestamp: "20240101",
      ConfigFields: { "1": "alias", "2": "vel" },
      Deleted: false,
      AllAccess: false,
      UserGroupAccessIds: [1, 2],
      AssociateAccessIds: []
    })
  })

  it("reads the vendor's response sample form: members after TableRight, rights as names, in any case", () => {
    const decoded = JsonCodec.decodeResult(ErpSync88.ErpConnection)(
      `{"erpConnectionId":5,"erpConnectorId":7,"displayName":"Visma","configFields":{"1":"alias","2":"vel"},` +
        `"TableRight":{"Mask":"Select,Update","Reason":""},"FieldProperties":{"DisplayName":{"FieldRight":` +
        `{"Mask":"Read, Write, UIHintMandatory","Reason":""},"FieldType":"System.Int32","FieldLength":4}}}`
    )
    expect(Result.getOrThrow(decoded)).toMatchObject({
      ErpConnectionId: 5,
      DisplayName: "Visma",
      // Members left out are their defaults, as for XML.
      Active: false,
      DisplayDescription: null,
      ConfigFields: [{ Key: "1", Value: "alias" }, { Key: "2", Value: "vel" }],
      TableRight: { Mask: ["Select", "Update"], Reason: "" },
      FieldProperties: [{
        Key: "DisplayName",
        Value: { FieldRight: { Mask: ["Read", "Write", "UIHintMandatory"], Reason: "" } }
      }]
    })
  })

  it("flags as .NET reads them: a number, a .NET name for several flags (FULL), or both with the WSDL's names", () => {
    const mask = (schema: Schema.Codec<unknown, unknown>, json: string) =>
      Result.getOrThrow(JsonCodec.decodeResult(schema)(json))
    // REST.md section 3: the vendor's fixtures send "FULL" and "Update, UIHintMandatory"; its client sends numbers.
    expect(mask(ErpSync88.ETableRight, `"FULL"`)).toStrictEqual(["Select", "Update", "Insert", "Delete"])
    expect(mask(ErpSync88.ETableRight, `15`)).toStrictEqual(["Select", "Update", "Insert", "Delete"])
    expect(mask(ErpSync88.ETableRight, `"RF, Delete"`)).toStrictEqual(["Select", "Delete", "Filtering"])
    expect(mask(ErpSync88.ETableRight, `"None"`)).toStrictEqual([])
    expect(mask(ErpSync88.ETableRight, `0`)).toStrictEqual([])
    // Names alone are kept as written, aliases of one bit (R for Select) too.
    expect(mask(ErpSync88.ETableRight, `"R, Insert"`)).toStrictEqual(["R", "Insert"])
    expect(mask(ErpSync88.EFieldRight, `"Update, UIHintMandatory"`)).toStrictEqual(["Read", "Write", "UIHintMandatory"])
    expect(mask(ErpSync.ETableRight, `"WRITE"`)).toStrictEqual(["Update", "Insert", "RestrictedUpdate"])
    const refused: ReadonlyArray<readonly [string, string]> = [
      [`512`, "bits (512)"],
      [`-1`, "-1"],
      [`1.5`, "1.5"],
      [`"Select, 4096"`, "bits (4096)"]
    ]
    for (const [json, why] of refused) {
      expect(Result.getFailure(JsonCodec.decodeResult(ErpSync88.ETableRight)(json))).toMatchObject({
        _tag: "Some",
        value: { reason: "InvalidValue", message: expect.stringContaining(why) }
      })
    }
  })

  it("each flag's number is the .NET enum's, as the vendor's TypeScript client declares it", () => {
    // @superoffice/webapi 12.4.1514, Enums.ts: ETableRight and EFieldRight. Data Contract gives the n-th
    // name 2^n unless the WSDL says otherwise (R = 1, F = 16, Nullable = 32).
    const vendor = {
      ETableRight: {
        Select: 1,
        Update: 2,
        Insert: 4,
        Delete: 8,
        Filtering: 16,
        RestrictedUpdate: 32,
        Unused1: 64,
        Uninitialized: 128,
        R: 1,
        F: 16
      },
      EFieldRight: {
        Read: 1,
        Write: 2,
        Unused1: 4,
        Unused2: 8,
        Unused3: 16,
        Unused4: 32,
        UIHintMandatory: 64,
        UIHintReadOnly: 128,
        UndefinedValue256: 256,
        Nullable: 32
      }
    } as const
    for (const [type, values] of Object.entries(vendor)) {
      const schema = ErpSync88[type as keyof typeof vendor] as Schema.Codec<unknown, unknown>
      for (const [name, value] of Object.entries(values)) {
        const first = Object.entries(values).find(([, v]) => v === value)![0]
        expect([type, name, Result.getOrThrow(JsonCodec.decodeResult(schema)(String(value)))]).toStrictEqual([
          type,
          name,
          [first]
        ])
      }
    }
  })

  it("a TimeSpan in .NET's constant format, ISO 8601 read too", () => {
    const status = {
      TableRight: null,
      FieldProperties: null,
      IsRunning: true,
      StatusMessage: "Running",
      Interval: Duration.sum(Duration.days(1), Duration.seconds(7384.5))
    }
    const text = Result.getOrThrow(JsonCodec.encodeResult(ErpSync88.ErpSyncEngineStatus)(status))
    expect(JSON.parse(text)["Interval"]).toBe("1.02:03:04.5000000")
    const read = (interval: string) =>
      Result.map(
        JsonCodec.decodeResult(ErpSync88.ErpSyncEngineStatus)(JSON.stringify({ Interval: interval })),
        (s) => Duration.toMillis(s.Interval)
      )
    expect(read("1.02:03:04.5000000")).toStrictEqual(Result.succeed(93_784_500))
    expect(read("00:00:00")).toStrictEqual(Result.succeed(0))
    expect(read("01:30")).toStrictEqual(Result.succeed(5_400_000))
    expect(read("PT5M")).toStrictEqual(Result.succeed(300_000))
    expect(Result.flip(read("aut"))).toMatchObject(Result.succeed({ reason: "InvalidValue", path: "/Interval" }))
    expect(Result.flip(read("00:60:00"))).toMatchObject(Result.succeed({ reason: "InvalidValue" }))
  })

  it("enumerations as their names, PluginResponse's Status among them; a DateTime as its ISO text", () => {
    const response = Result.getOrThrow(
      JsonCodec.decodeResult(ErpSync88.PluginResponse)(
        `{"IsOk":true,"UserExplanation":"u","TechExplanation":"t","ErrorCode":null,"Changes":null,"Status":"OkWithInfo"}`
      )
    )
    expect(response).toMatchObject({ IsOk: true, Status: "OkWithInfo", Changes: null })
    expect(Result.flip(JsonCodec.decodeResult(ErpSync88.PluginResponse)(`{"Status":1}`))).toMatchObject(
      Result.succeed({ reason: "InvalidValue", path: "/Status" })
    )
    const summary = Result.getOrThrow(
      JsonCodec.decodeResult(ErpSync.ErpSyncConnectionSummary)(`{"LastSync":"2013-07-19T14:28:21.9772696+02:00"}`)
    )
    expect(summary.LastSync).toBe("2013-07-19T14:28:21.9772696+02:00")
    expect(Result.getOrThrow(JsonCodec.encodeResult(ErpSync.ErpSyncConnectionSummary)(summary))).toContain(
      `"LastSync":"2013-07-19T14:28:21.9772696+02:00"`
    )
  })

  it("the bare values of responses: a string, a boolean, a list of names, an array of carriers", () => {
    expect(JsonCodec.decodeResult(ErpSync.CrmActorType)(`"Contact"`)).toStrictEqual(Result.succeed("Contact"))
    expect(JsonCodec.decodeResult(Schema.NullOr(ErpSync.ErpSyncResponseCode))(`null`)).toStrictEqual(
      Result.succeed(null)
    )
    expect(JsonCodec.decodeResult(Xsd.boolean)(`true`)).toStrictEqual(Result.succeed(true))
    expect(JsonCodec.decodeResult(ErpSync88.ArrayOfListItem)(`[{"Id":1,"Name":"a","ToolTip":null},null]`))
      .toStrictEqual(Result.succeed([{ Id: 1, Name: "a", ToolTip: null }, null]))
  })

  it("an integer beyond a double keeps its digits (xs:long); a .NET double's NaN and infinities are strings", () => {
    const Long = Schema.Struct({ N: Xsd.long, D: Xsd.double }).annotate(Xml.complexType("L", "urn:t"))
    const value = { N: 9_007_199_254_740_993n, D: Number.NaN }
    const text = Result.getOrThrow(JsonCodec.encodeResult(Long)(value))
    expect(text).toBe(`{"N":9007199254740993,"D":"NaN"}`)
    expect(JsonCodec.decodeResult(Long)(text)).toStrictEqual(Result.succeed(value))
    expect(JsonCodec.decodeResult(Long)(`{"N":-9223372036854775808,"D":"-Infinity"}`)).toStrictEqual(
      Result.succeed({ N: -(2n ** 63n), D: -Infinity })
    )
  })

  it("a dictionary's keys are data: any text, __proto__ included, and case kept", () => {
    const Dictionary = DataContract.dictionary({
      name: "D",
      namespace: "urn:t",
      pair: "P",
      value: Xsd.string
    })
    const value = [{ Key: "__proto__", Value: "a" }, { Key: "Key", Value: null }, { Key: "key", Value: "c" }]
    const text = Result.getOrThrow(JsonCodec.encodeResult(Dictionary)(value))
    expect(text).toBe(`{"__proto__":"a","Key":null,"key":"c"}`)
    expect(JsonCodec.decodeResult(Dictionary)(text)).toStrictEqual(Result.succeed(value))
    expect(Result.flip(JsonCodec.encodeResult(Dictionary)([{ Key: null, Value: "x" }]))).toMatchObject(
      Result.succeed({ _tag: "JsonEncodeError", reason: "InvalidValue", path: "/0" })
    )
  })
})

describe("the JSON errors", () => {
  it("say where and what in their message: line:column, the path, the reason and the detail or limit", () => {
    expect(new JsonError.JsonParseError({ reason: "Malformed", detail: "bad", path: "", line: 1, column: 2 }).message)
      .toBe("1:2: Malformed: bad")
    expect(new JsonError.JsonParseError({ reason: "Encoding", detail: "the bytes are not UTF-8", path: "" }).message)
      .toBe("Encoding: the bytes are not UTF-8")
    expect(new JsonError.JsonLimitError({ reason: "Depth", limit: 64, path: "/a/0", line: 3, column: 9 }).message)
      .toBe("3:9: at /a/0: Depth limit of 64 exceeded")
    expect(new JsonError.JsonDecodeError({ reason: "InvalidNull", detail: "null", path: "/Active" }).message)
      .toBe("at /Active: InvalidNull: null")
    expect(new JsonError.JsonEncodeError({ reason: "InvalidValue", detail: "x", path: "" }).message)
      .toBe("InvalidValue: x")
  })

  it("each is named by its package-qualified identifier, which a refusal of its JSON carries", () => {
    const errors = {
      JsonParseError: JsonError.JsonParseError,
      JsonLimitError: JsonError.JsonLimitError,
      JsonDecodeError: JsonError.JsonDecodeError,
      JsonEncodeError: JsonError.JsonEncodeError
    }
    for (
      const [tag, error] of Object.entries<Schema.Codec<unknown, unknown> & { readonly identifier: string }>(errors)
    ) {
      expect(error.identifier).toBe(`@erpsync/codec/${tag}`)
      const refused = Schema.decodeUnknownResult(error)({ _tag: tag, reason: 5 })
      const issue = Result.isFailure(refused) ? refused.failure.issue : undefined
      expect(issue?._tag === "Encoding" && issue.ast.annotations?.["identifier"]).toBe(`@erpsync/codec/${tag}`)
    }
  })
})

describe("malformed and hostile JSON, each a typed error with its place", () => {
  // Derived in the tests, not when the file loads (the codec's mutation testing counts the latter as static).
  const decode = (input: string | Uint8Array) =>
    JsonCodec.decodeResult(ErpSync88.ErpConnection, {
      limits: { maxDepth: 16, maxTextLength: 1000, maxItems: 100, maxMessageLength: 100_000 }
    })(input)
  const failure = (text: string) => Result.getOrThrow(Result.flip(decode(text)))

  it.each(
    [
      ["not JSON", "<Envelope/>", "JsonParseError", "Malformed", 1, 1],
      ["nothing", "  ", "JsonParseError", "Empty", 1, 3],
      ["cut short", `{"DisplayName":"Vis`, "JsonParseError", "Truncated", 1, 20],
      ["a literal cut short", `{"Active":tr`, "JsonParseError", "Truncated", 1, 13],
      ["text after the value", `{} {}`, "JsonParseError", "Malformed", 1, 4],
      ["a member name twice", `{"DisplayName":"a",\n "DisplayName":"b"}`, "JsonParseError", "DuplicateKey", 2, 2],
      [
        "a member name twice, among many",
        `{${Array.from({ length: 12 }, (_, i) => `"m${i}":${i}`).join(",")},"m3":0}`,
        "JsonParseError",
        "DuplicateKey",
        1,
        90
      ],
      ["a control character in a string", `{"DisplayName":"a\tb"}`, "JsonParseError", "Malformed", 1, 18],
      ["a bad escape", `{"DisplayName":"a\\x"}`, "JsonParseError", "Malformed", 1, 18],
      ["a leading zero", `{"ErpConnectionId":01}`, "JsonParseError", "Malformed", 1, 21],
      ["a NaN literal", `{"ErpConnectionId":NaN}`, "JsonParseError", "Malformed", 1, 20],
      ["a single quote", `{'DisplayName':1}`, "JsonParseError", "Malformed", 1, 2],
      ["a trailing comma", `{"Active":true,}`, "JsonParseError", "Malformed", 1, 16],
      ["deep nesting", `{"ConfigFields":${"[".repeat(40)}`, "JsonLimitError", "Depth", 1, 32],
      ["a huge string", `{"DisplayName":"${"x".repeat(2000)}"}`, "JsonLimitError", "TextLength", 1, 16],
      ["a huge string with escapes", `{"DisplayName":"${"x\\n".repeat(700)}"}`, "JsonLimitError", "TextLength", 1, 16],
      [
        "a huge object",
        `{${Array.from({ length: 101 }, (_, i) => `"m${i}":${i}`).join(",")}}`,
        "JsonLimitError",
        "Items",
        1,
        882
      ],
      ["a huge array", `{"UserGroupAccessIds":[${Array(200).fill(1).join(",")}]}`, "JsonLimitError", "Items", 1, 224],
      ["a huge message", `{"DisplayName":"${"x".repeat(200_000)}"}`, "JsonLimitError", "MessageLength", 1, 100_001]
    ] as const
  )("%s", (_, text, tag, reason, line, column) => {
    expect(failure(text)).toMatchObject({ _tag: tag, reason, line, column })
  })

  it.each(
    [
      ["a number out of xs:int", `{"ErpConnectionId":2147483648}`, "InvalidValue", "/ErpConnectionId"],
      ["a fraction for an int", `{"ErpConnectionId":1.5}`, "InvalidValue", "/ErpConnectionId"],
      ["a string for a number", `{"ErpConnectionId":"5"}`, "InvalidValue", "/ErpConnectionId"],
      ["a number for a boolean", `{"Active":1}`, "InvalidValue", "/Active"],
      ["null for an int", `{"ErpConnectionId":null}`, "InvalidNull", "/ErpConnectionId"],
      ["an object for an array", `{"UserGroupAccessIds":{}}`, "InvalidValue", "/UserGroupAccessIds"],
      ["an array for a dictionary", `{"ConfigFields":[]}`, "InvalidValue", "/ConfigFields"],
      ["a string in an int array", `{"UserGroupAccessIds":[1,"x"]}`, "InvalidValue", "/UserGroupAccessIds/1"],
      ["an unknown flag", `{"TableRight":{"Mask":"Select, Fly"}}`, "InvalidValue", "/TableRight/Mask"],
      ["one member twice in different case", `{"Active":true,"active":false}`, "DuplicateMember", ""],
      ["an array for the whole", `[]`, "InvalidValue", ""]
    ] as const
  )("%s", (_, text, reason, path) => {
    expect(failure(text)).toMatchObject({ _tag: "JsonDecodeError", reason, path })
  })

  it("UTF-8 bytes are read as their text; bytes that are not UTF-8 are an Encoding error, never U+FFFD", () => {
    expect(Result.getOrThrow(decode(new TextEncoder().encode(`{"DisplayName":"blåbær 😀"}`))).DisplayName).toBe(
      "blåbær 😀"
    )
    expect(Result.getOrThrow(Result.flip(decode(Buffer.from(`{"DisplayName":"blåbær"}`, "latin1"))))).toMatchObject({
      _tag: "JsonParseError",
      reason: "Encoding"
    })
  })

  it("a member it does not know is ignored, as ASP.NET's binding ignores it", () => {
    expect(Result.getOrThrow(decode(`{"DisplayName":"a","Nonsense":{"deep":[1,2,{"x":null}]}}`)).DisplayName).toBe("a")
  })

  it("writing: a value outside its type, and null where none is allowed", () => {
    const encode = JsonCodec.encodeResult(ErpSync88.ErpConnection)
    expect(Result.flip(encode({ ...defaultConnection, ErpConnectionId: 2 ** 31 }))).toMatchObject(
      Result.succeed({ _tag: "JsonEncodeError", reason: "InvalidValue", path: "/ErpConnectionId" })
    )
    expect(Result.flip(encode({ ...defaultConnection, Active: null as unknown as boolean }))).toMatchObject(
      Result.succeed({ _tag: "JsonEncodeError", reason: "InvalidNull", path: "/Active" })
    )
  })
})
