/**
 * Why the generator stopped, thrown inside it and turned into a `CodegenError` at its edge.
 */

/** What a `CodegenError` carries. */
export interface FailureDetails {
  /** `Malformed`: not a WSDL; `Unsupported`: a construct the codec has no form for; `Missing`: a reference to
   * nothing; `Conflict`: two declarations of one name that differ; `Docs`: a doc comment for nothing. */
  readonly reason: "Malformed" | "Unsupported" | "Missing" | "Conflict" | "Docs"
  readonly file: string
  readonly path: string
  readonly line?: number | undefined
  readonly column?: number | undefined
  readonly detail: string
}

export class CodegenFailure {
  constructor(readonly details: FailureDetails) {}
}

export const fail = (details: FailureDetails): never => {
  throw new CodegenFailure(details)
}

/** Fails at an element of the document. */
export const failAt = (
  reason: FailureDetails["reason"],
  file: string,
  at: { readonly path: string; readonly line: number; readonly column: number },
  detail: string
): never => fail({ reason, file, path: at.path, line: at.line, column: at.column, detail })
