/**
 * `erpsync decode <Message>` and `erpsync encode <Message>`: the codec on the command line.
 */
import { Args, Command, Options } from "@effect/cli"
import { XmlCodec, type XmlError } from "@erpsync/codec"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { inputChunks, readJson } from "./input.js"
import { lookup, messages } from "./registry.js"

const message = Args.text({ name: "Message" }).pipe(
  Args.withDescription("The message, by its WSDL name (`<Operation>Request`, `<Operation>Response`)")
)

const file = Args.file({ name: "FILE", exists: "yes" }).pipe(
  Args.withDescription("Read this file instead of standard input"),
  Args.optional
)

const soapVersion = Options.choice("soap-version", ["1.1", "1.2"]).pipe(
  Options.withDescription("The SOAP version of the envelope written"),
  Options.withDefault("1.1" as const)
)

/** What the codec commands can fail with. */
export type CodecCommandError = XmlError.DecodeError | XmlError.XmlReadError | XmlError.XmlEncodeError

/** `decode`: XML on standard input, the message as JSON on standard output. */
export const decode = Command.make(
  "decode",
  { message, file },
  ({ file, message }) =>
    lookup("message", messages, message).pipe(
      Effect.flatMap((schema) =>
        XmlCodec.decodeStream(schema)(inputChunks(Option.getOrUndefined(file))).pipe(
          Effect.flatMap((value) => Schema.encode(schema)(value))
        )
      ),
      Effect.flatMap((json) => Console.log(JSON.stringify(json, null, 2)))
    )
).pipe(Command.withDescription("Decode a SOAP message (XML on standard input) and print it as JSON"))

/** `encode`: the message as JSON on standard input, the XML envelope on standard output. */
export const encode = Command.make(
  "encode",
  { message, file, soapVersion },
  ({ file, message, soapVersion }) =>
    lookup("message", messages, message).pipe(
      Effect.flatMap((schema) =>
        readJson(Option.getOrUndefined(file)).pipe(
          Effect.flatMap((json) => Schema.decodeUnknown(schema)(json)),
          Effect.flatMap((value) => XmlCodec.encode(schema, { soapVersion })(value))
        )
      ),
      Effect.flatMap((xml) => Console.log(xml))
    )
).pipe(Command.withDescription("Encode a SOAP message (JSON on standard input) and print the XML envelope"))
