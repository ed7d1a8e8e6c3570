/**
 * Where a codec error happened, as its fields and as the start of its message: shared by the XML and
 * the JSON codec's errors.
 */
import * as Schema from "effect/Schema"

/** The fields of an error's place: its path in the document, and the input's `line:column` where known. */
export const placeFields = {
  /** The path of the element or value concerned; `""` for the whole. */
  path: Schema.String,
  /** 1-based line of the input where the problem was seen. */
  line: Schema.optional(Schema.Number),
  /** 1-based column of the input where the problem was seen. */
  column: Schema.optional(Schema.Number)
}

/** `line:column: at path: `, each part only when known. */
export const where = (
  self: { readonly path: string; readonly line?: number | undefined; readonly column?: number | undefined }
): string =>
  (self.line !== undefined ? `${self.line}:${self.column ?? 0}: ` : "") + (self.path === "" ? "" : `at ${self.path}: `)
