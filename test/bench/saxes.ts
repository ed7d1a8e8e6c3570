/**
 * saxes's raw tokenization, with empty `opentag`, `text` and `closetag` handlers: the ceiling of any
 * saxes-based decoder. Two forms: with saxes's namespace support (`xmlns: true`, what a decoder that
 * leaves namespaces to saxes pays) and without it (`xmlns: false`, the bare tokenizer the codec runs).
 * Both run in worker threads of their own (`isolated.ts`).
 */
import { SaxesParser, type SaxesTag } from "saxes"

const noop = () => {}

/** The three handlers a decoder on saxes needs. */
export interface Handlers {
  readonly opentag: (tag: SaxesTag) => void
  readonly text: (text: string) => void
  readonly closetag: (tag: SaxesTag) => void
}

const EMPTY: Handlers = { opentag: noop, text: noop, closetag: noop }

/**
 * A parser with `handlers`. The handler fields are declared first, exactly as the codec declares them:
 * saxes's `on` adds them with keyed stores, which (past a few) turn the parser into a slow
 * dictionary-mode object.
 */
export const makeParser = (xmlns: boolean, handlers: Handlers = EMPTY): SaxesParser => {
  const parser = new SaxesParser({ xmlns })
  const fields = parser as unknown as Record<string, unknown>
  fields.errorHandler = undefined
  fields.xmldeclHandler = undefined
  fields.doctypeHandler = undefined
  fields.piHandler = undefined
  fields.attributeHandler = undefined
  fields.openTagHandler = undefined
  fields.closeTagHandler = undefined
  fields.textHandler = undefined
  fields.cdataHandler = undefined
  parser.on("opentag", handlers.opentag)
  parser.on("text", handlers.text)
  parser.on("closetag", handlers.closetag)
  return parser
}

/**
 * One idle parser of each form used, kept alive as the codec keeps an idle decoder: once no parser of a
 * shape is alive, a major GC (the harness collects before every sample) drops the code optimised for it,
 * and every sample would start cold.
 */
const warm = new Map<boolean, SaxesParser>()

export const saxesRaw = (xml: string, xmlns: boolean): void => {
  if (!warm.has(xmlns)) warm.set(xmlns, makeParser(xmlns))
  makeParser(xmlns).write(xml).close()
}
