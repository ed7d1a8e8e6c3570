/**
 * A deadline on an effect at the cost of one child fiber and one native timer: `Effect.timeoutOrElse` races
 * the effect against a sleeping fiber of its own, two child fibers and the sleep's timer (about 2 µs against
 * 4 µs around an effect that waits for a promise). Under any other clock than the live one (a `TestClock`),
 * the deadline is `Effect.timeoutOrElse`'s, on that clock.
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"

/** The longest delay `setTimeout` keeps (a longer one fires at once): beyond it, no deadline is set. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/** The live clock's prototype: a clock with another is not the wall clock. */
const LIVE = Object.getPrototypeOf(Clock.Clock.defaultValue())

/**
 * `self`, failed with `onTimeout()` unless it ends within `millis`. On the deadline `self` is interrupted
 * and the failure comes once the interruption is done, as with `Effect.timeoutOrElse`; interrupting the
 * result interrupts `self` and clears the timer. `self` runs in a child fiber, with the caller's context,
 * as with `Effect.timeoutOrElse`. `millis` of 2^31 - 1 or more (or not a number) sets no deadline at all.
 */
export const deadline = <A, E, R, E2>(
  self: Effect.Effect<A, E, R>,
  millis: number,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> =>
  !(millis < MAX_TIMER_MILLIS) ? self : Effect.clockWith((clock) =>
    Object.getPrototypeOf(clock) === LIVE
      ? onTimer(self, millis, onTimeout)
      : Effect.timeoutOrElse(self, { duration: millis, orElse: () => Effect.fail(onTimeout()) })
  )

const onTimer = <A, E, R, E2>(
  self: Effect.Effect<A, E, R>,
  millis: number,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> =>
  // Started at once, as a race starts its fibers: a child scheduled for later would wait for the
  // scheduler's next turn before the exchange even starts.
  Effect.flatMap(Effect.forkChild(self, { startImmediately: true }), (fiber) =>
    // One parameter only: `Effect.callback` makes an `AbortSignal` for a function that takes a second.
    Effect.callback<A, E | E2>((resume) => {
      // The timer first: a fiber that has ended already calls its observer at once.
      let removeObserver = (): void => {}
      const timer = setTimeout(() => {
        removeObserver()
        resume(Effect.andThen(Fiber.interrupt(fiber), Effect.fail(onTimeout())))
      }, Math.max(0, millis))
      removeObserver = fiber.addObserver((exit: Exit.Exit<A, E>) => {
        clearTimeout(timer)
        resume(exit)
      })
      return Effect.suspend(() => {
        clearTimeout(timer)
        removeObserver()
        return Fiber.interrupt(fiber)
      })
    }))
