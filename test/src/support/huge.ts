/**
 * Huge inputs, generated lazily as a stream of chunks, counting how many chunks the decoder pulled.
 */
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
  // One chunk per pull (by default, Stream.fromIterable would pull thousands at once); each run of the
  // stream starts a new iterator.
  const stream = Stream.fromIterable(iterable, { chunkSize: 1 })
  return { stream, produced: () => produced, total }
}
