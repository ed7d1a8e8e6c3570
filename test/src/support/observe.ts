/**
 * Seeing what a program leaves behind: the spans it starts, and all it left readable as one text.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Tracer from "effect/Tracer"

/** A tracer that keeps every span the current one starts, for `Effect.withTracer`. */
export const recordingTracer: Effect.Effect<{ readonly tracer: Tracer.Tracer; readonly spans: Array<Tracer.Span> }> =
  Effect.map(Effect.tracer, (base) => {
    const spans: Array<Tracer.Span> = []
    const tracer = Tracer.make({
      span: (...args) => {
        const span = base.span(...args)
        spans.push(span)
        return span
      },
      context: base.context
    })
    return { tracer, spans }
  })

/**
 * Everything a program left where a person or a collector can read it, as one text: its log lines, its
 * failures (as `Cause.pretty`, as JSON and as text) and its spans (name, attributes, events, how they ended).
 */
export const rendered = (
  lines: ReadonlyArray<string>,
  errors: ReadonlyArray<Cause.Cause<unknown>>,
  spans: ReadonlyArray<Tracer.Span>
): string =>
  [
    ...lines,
    ...errors.map((cause) => Cause.pretty(cause)),
    ...errors.map((cause) => JSON.stringify(Cause.squash(cause))),
    ...errors.map((cause) => String(Cause.squash(cause))),
    ...spans.map((span) =>
      JSON.stringify({
        name: span.name,
        attributes: [...span.attributes],
        events: "events" in span ? span.events : [],
        status: span.status._tag === "Ended" && Exit.isFailure(span.status.exit)
          ? Cause.pretty(span.status.exit.cause)
          : span.status._tag
      }, (_, value: unknown) => typeof value === "bigint" ? String(value) : value)
    )
  ].join("\n")
