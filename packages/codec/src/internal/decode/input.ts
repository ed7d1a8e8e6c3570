/**
 * Input handling: bytes through a fatal, streaming UTF-8 decoder into the XML decoder, so that a
 * character split across chunks is joined and invalid UTF-8 is an error, never a silent U+FFFD.
 */
import { XmlParseError } from "../../XmlError.js"
import type { Decoded, Decoder } from "./decoder.js"
import { DecodeFailure } from "./decoder.js"

/** Feeds strings or UTF-8 bytes, chunk by chunk, to a decoder. Throws `DecodeFailure`. */
export class Feeder {
  // ignoreBOM: a byte order mark reaches saxes, which skips exactly one; a second one is an error.
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })
  private bytes = 0

  constructor(private readonly decoder: Decoder) {}

  write(chunk: string | Uint8Array): void {
    if (typeof chunk === "string") {
      this.decoder.write(chunk)
      return
    }
    let text: string
    try {
      text = this.utf8.decode(chunk, { stream: true })
    } catch {
      throw this.invalid()
    }
    this.bytes += chunk.byteLength
    // Stryker disable next-line ConditionalExpression,EqualityOperator: writing no text changes nothing
    if (text.length > 0) this.decoder.write(text)
  }

  end(): Decoded {
    // Nothing is left to write: a fatal decoder holds back only an incomplete sequence, and refuses it here
    // (one that was given no bytes, or only strings, holds nothing).
    try {
      this.utf8.decode()
    } catch {
      throw this.invalid()
    }
    return this.decoder.end()
  }

  private invalid(): DecodeFailure {
    return new DecodeFailure(
      new XmlParseError({
        reason: "Encoding",
        detail: `invalid UTF-8 in the bytes after offset ${this.bytes}`,
        path: ""
      })
    )
  }
}
