/**
 * `erpsync decode <Message>` and `erpsync encode <Message>`: the codec on the command line.
 */
import { XmlCodec } from "@erpsync/codec"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { DecodeArgs, EncodeArgs } from "../commands.js"
import { inputChunks, readJson } from "../input.js"
import { completeMessage, fromJson, jsonOf } from "../json.js"
import { indentXml } from "../pretty.js"
import { lookup, messages } from "../registry.js"

/** XML on standard input (or in a file), the message as JSON on standard output. */
export const decode = ({ file, message, pretty }: DecodeArgs) =>
  lookup("message", messages, message).pipe(
    Effect.flatMap((schema) =>
      XmlCodec.decodeStream(schema)(inputChunks(Option.getOrUndefined(file))).pipe(
        Effect.flatMap(jsonOf(schema))
      )
    ),
    Effect.flatMap((json) => Console.log(pretty ? JSON.stringify(json, null, 2) : JSON.stringify(json)))
  )

/** The message as JSON on standard input (or in a file), the XML envelope on standard output. */
export const encode = ({ file, message, pretty, soapVersion }: EncodeArgs) =>
  lookup("message", messages, message).pipe(
    Effect.flatMap((schema) =>
      readJson(Option.getOrUndefined(file)).pipe(
        Effect.map(completeMessage),
        Effect.flatMap(fromJson(schema)),
        Effect.flatMap((value) => XmlCodec.encode(schema, { soapVersion })(value))
      )
    ),
    Effect.flatMap((xml) => Console.log(pretty ? indentXml(xml) : xml))
  )
