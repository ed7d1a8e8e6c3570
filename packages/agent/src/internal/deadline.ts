/**
 * A deadline on an effect at the cost of one child fiber and one native timer: `Effect.timeoutFail` races
 * the effect against a sleeping fiber of its own, which costs about three times as much per call. Under
 * any other clock than the live one (a `TestClock`), the deadline is `Effect.timeoutFail`'s, on that clock.
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"

/** The longest delay `setTimeout` keeps (a longer one fires at once): beyond it, no deadline is set. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/** The live clock's prototype: a clock with another is not the wall clock. */
const LIVE = Object.getPrototypeOf(Clock.make())

/**
 * `self`, failed with `onTimeout()` unless it ends within `millis`. On the deadline `self` is interrupted
 * and the failure comes once the interruption is done, as with `Effect.timeoutFail`; interrupting the
 * result interrupts `self` and clears the timer. `millis` of 2^31 - 1 or more (or not a number) sets no
 * deadline at all.
 */
export const deadline = <A, E, R, E2>(
  self: Effect.Effect<A, E, R>,
  millis: number,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> =>
  !(millis < MAX_TIMER_MILLIS) ? self : Effect.clockWith((clock) =>
    Object.getPrototypeOf(clock) === LIVE
      ? onTimer(self, millis, onTimeout)
      : Effect.timeoutFail(self, { duration: millis, onTimeout })
  )

const onTimer = <A, E, R, E2>(
  self: Effect.Effect<A, E, R>,
  millis: number,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> =>
  Effect.flatMap(Effect.fork(self), (fiber) =>
    Effect.async<A, E | E2>((resume) => {
      const observer = (exit: Exit.Exit<A, E>) => {
        clearTimeout(timer)
        // As a join would: what the effect set in its fiber's context (log annotations, say) is the caller's.
        resume(Effect.zipRight(Fiber.inheritAll(fiber), exit))
      }
      const timer = setTimeout(() => {
        fiber.removeObserver(observer)
        resume(Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(onTimeout())))
      }, Math.max(0, millis))
      fiber.addObserver(observer)
      return Effect.suspend(() => {
        clearTimeout(timer)
        fiber.removeObserver(observer)
        return Fiber.interrupt(fiber)
      })
    }))
