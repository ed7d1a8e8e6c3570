/**
 * Reading the command line's input: standard input or a file, as UTF-8 bytes or as JSON.
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"

/**
 * The command line's input could not be read or is not JSON, names no operation or message, lacks what
 * the command needs (a flag given neither on the command line nor in the environment), or a file given is
 * not what its flag takes (`Invalid`).
 *
 * @since 0.1.0
 * @category errors
 */
export class InputError extends Schema.TaggedError<InputError>("@erpsync/cli/InputError")("InputError", {
  reason: Schema.Literals(["Read", "Encoding", "Json", "UnknownName", "Missing", "Invalid"]),
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.reason}: ${this.detail}`
  }
}

/** The bytes of standard input (`-` or no file) or of a file, as an async iterable of chunks. */
export const inputChunks = (file: string | undefined): AsyncIterable<Uint8Array> =>
  file === undefined || file === "-" ? process.stdin : fs.createReadStream(file)

/** The whole input as text (fatal UTF-8). */
export const readText = (file: string | undefined): Effect.Effect<string, InputError> =>
  Effect.tryPromise({
    try: async () => {
      const chunks: Array<Uint8Array> = []
      for await (const chunk of inputChunks(file)) chunks.push(chunk)
      return Buffer.concat(chunks)
    },
    catch: (e) => new InputError({ reason: "Read", detail: e instanceof Error ? e.message : String(e) })
  }).pipe(
    Effect.flatMap((bytes) =>
      Effect.try({
        try: () => new TextDecoder("utf-8", { fatal: true }).decode(bytes),
        catch: () => new InputError({ reason: "Encoding", detail: "the input is not valid UTF-8" })
      })
    )
  )

/** The whole input parsed as JSON. */
export const readJson = (file: string | undefined): Effect.Effect<unknown, InputError> =>
  readText(file).pipe(
    Effect.flatMap((text) =>
      Effect.try({
        try: () => JSON.parse(text) as unknown,
        catch: (e) => new InputError({ reason: "Json", detail: e instanceof Error ? e.message : String(e) })
      })
    )
  )
