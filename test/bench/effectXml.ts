/**
 * Effect 4's own XML event decoder (`effect/encoding`'s `Xml.decodeString`, namespaces resolved as the
 * codec resolves them): the document in one chunk, every event drained, no value built.
 */
import * as Effect from "effect/Effect"
import { Xml } from "effect/encoding"
import * as Stream from "effect/Stream"

const decodeOptions = { namespaces: "strict", maxDepth: 64 } as const

/** Decodes `xml` into Effect's XML events and counts them. */
export const effectXmlEvents = (xml: string): number =>
  Effect.runSync(
    Stream.make(xml).pipe(
      Stream.pipeThroughChannel(Xml.decodeString(decodeOptions)),
      Stream.runFold(() => 0, (count: number) => count + 1)
    )
  )
