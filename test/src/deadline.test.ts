import { describe, expect, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Ref from "effect/Ref"
import * as TestClock from "effect/TestClock"
import { deadline } from "../../packages/agent/src/internal/deadline.js"

class Late {
  readonly _tag = "Late"
}

const timers = () => process.getActiveResourcesInfo().filter((name) => name === "Timeout").length

describe("a call's deadline", () => {
  it.live("passes a value, or a failure, that comes in time, and leaves no timer behind", () =>
    Effect.gen(function*() {
      const before = timers()
      expect(yield* deadline(Effect.succeed(7), 60_000, () => new Late())).toBe(7)
      expect(yield* Effect.either(deadline(Effect.fail("no"), 60_000, () => new Late()))).toEqual(Either.left("no"))
      const later = Effect.as(Effect.sleep(5), "later")
      expect(yield* deadline(later, 60_000, () => new Late())).toBe("later")
      expect(timers()).toBe(before)
    }))

  it.live("fails with the timeout's error once the late effect is interrupted", () =>
    Effect.gen(function*() {
      const interrupted = yield* Ref.make(false)
      const late = Effect.never.pipe(Effect.onInterrupt(() => Ref.set(interrupted, true)))
      const result = yield* Effect.either(deadline(late, 20, () => new Late()))
      expect(result).toEqual(Either.left(new Late()))
      expect(yield* Ref.get(interrupted)).toBe(true)
    }))

  it.live("interrupted from outside, interrupts the effect and clears its timer", () =>
    Effect.gen(function*() {
      const before = timers()
      const interrupted = yield* Ref.make(false)
      const late = Effect.never.pipe(Effect.onInterrupt(() => Ref.set(interrupted, true)))
      const fiber = yield* Effect.fork(deadline(late, 60_000, () => new Late()))
      yield* Effect.sleep(5)
      yield* Fiber.interrupt(fiber)
      expect(yield* Ref.get(interrupted)).toBe(true)
      expect(timers()).toBe(before)
    }))

  it.live("an effect that ends just as the deadline passes gives one outcome", () =>
    Effect.gen(function*() {
      for (let i = 0; i < 20; i++) {
        const result = yield* Effect.either(deadline(Effect.as(Effect.sleep(2), "done"), 2, () => new Late()))
        expect([Either.right("done"), Either.left(new Late())]).toContainEqual(result)
      }
    }))

  it.live("an endless deadline sets no timer", () =>
    Effect.gen(function*() {
      const before = timers()
      // Not `Effect.never`, which holds an interval timer of its own.
      const never = Deferred.await(yield* Deferred.make<void>())
      const fiber = yield* Effect.fork(deadline(never, Infinity, () => new Late()))
      yield* Effect.sleep(5)
      expect(timers()).toBe(before)
      expect(fiber.unsafePoll()).toBeNull()
      yield* Fiber.interrupt(fiber)
    }))

  it.effect("under a TestClock, follows that clock", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.either(deadline(Effect.never, 1000, () => new Late())))
      yield* TestClock.adjust(999)
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust(1)
      expect(yield* Fiber.join(fiber)).toEqual(Either.left(new Late()))
    }))
})
