/**
 * Seeing what a program leaves behind: the spans it starts.
 */
import * as Effect from "effect/Effect"
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
