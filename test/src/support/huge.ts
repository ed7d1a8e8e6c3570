/**
 * Huge inputs, generated lazily as a stream of chunks, counting how many chunks the decoder pulled.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"

export interface Lazy {
  readonly stream: Stream.Stream<string>
  /** Characters produced so far. */
  readonly produced: () => number
  /** Characters the whole input would have. */
  readonly total: number
}

/** `head`, then `body` repeated until `total` characters, then `tail`, in chunks of about `chunkSize`. */
export const lazyInput = (head: string, body: string, count: number, tail: string, chunkSize = 65536): Lazy => {
  let produced = 0
  const total = head.length + body.length * count + tail.length
  const perChunk = Math.max(1, Math.floor(chunkSize / body.length))
  const iterable: Iterable<string> = {
    *[Symbol.iterator]() {
      produced += head.length
      yield head
      for (let i = 0; i < count; i += perChunk) {
        const chunk = body.repeat(Math.min(perChunk, count - i))
        produced += chunk.length
        yield chunk
      }
      produced += tail.length
      yield tail
    }
  }
  // One chunk per pull (Stream.fromIterable would pull thousands at once).
  const stream = Stream.suspend(() => {
    const iterator = iterable[Symbol.iterator]()
    return Stream.repeatEffectOption(Effect.suspend(() => {
      const next = iterator.next()
      return next.done === true ? Effect.fail(Option.none()) : Effect.succeed(next.value)
    }))
  })
  return { stream, produced: () => produced, total }
}
