import { describe, expect, it, vi } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Ref from "effect/Ref"
import * as Result from "effect/Result"
import * as TestClock from "effect/testing/TestClock"
import { deadline } from "../../packages/agent/src/internal/deadline.js"

class Late {
  readonly _tag = "Late"
}

const Answer = Context.Reference<number>("test/deadline/Answer", { defaultValue: () => 0 })

/**
 * The timers of long delays (the deadlines under test; the tests' own sleeps are short) set while `self`
 * runs, and whether each was cleared.
 */
const watchTimers = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => {
      const set = vi.spyOn(globalThis, "setTimeout")
      const clear = vi.spyOn(globalThis, "clearTimeout")
      return { set, clear }
    }),
    ({ clear, set }) =>
      Effect.map(self, (value) => {
        const long = set.mock.calls.flatMap((call, i) => (call[1] ?? 0) >= 1000 ? [set.mock.results[i]!.value] : [])
        const cleared = long.filter((handle) => clear.mock.calls.some((call) => call[0] === handle))
        return { value, long: long.length, cleared: cleared.length }
      }),
    ({ clear, set }) =>
      Effect.sync(() => {
        set.mockRestore()
        clear.mockRestore()
      })
  )

describe("a call's deadline", () => {
  it.live("passes a value, or a failure, that comes in time, and leaves no timer behind", () =>
    Effect.gen(function*() {
      const calls = yield* watchTimers(Effect.gen(function*() {
        expect(yield* deadline(Effect.succeed(7), 60_000, () => new Late())).toBe(7)
        expect(yield* Effect.result(deadline(Effect.fail("no"), 60_000, () => new Late()))).toEqual(Result.fail("no"))
        const later = Effect.as(Effect.sleep(5), "later")
        expect(yield* deadline(later, 60_000, () => new Late())).toBe("later")
      }))
      expect(calls).toMatchObject({ long: 3, cleared: 3 })
    }))

  it.live("the effect runs in the caller's context, as with Effect.timeoutOrElse: its services and its span", () =>
    Effect.gen(function*() {
      const seen = yield* deadline(Effect.all([Effect.service(Answer), Effect.currentSpan]), 60_000, () => new Late())
        .pipe(
          Effect.provideService(Answer, 42),
          Effect.withSpan("caller")
        )
      expect(seen[0]).toBe(42)
      expect(seen[1].name).toBe("caller")
    }))

  it.live("fails with the timeout's error once the late effect is interrupted", () =>
    Effect.gen(function*() {
      const interrupted = yield* Ref.make(false)
      const late = Effect.never.pipe(Effect.onInterrupt(() => Ref.set(interrupted, true)))
      const result = yield* Effect.result(deadline(late, 20, () => new Late()))
      expect(result).toEqual(Result.fail(new Late()))
      expect(yield* Ref.get(interrupted)).toBe(true)
    }))

  it.live("interrupted from outside, interrupts the effect and clears its timer", () =>
    Effect.gen(function*() {
      const interrupted = yield* Ref.make(false)
      // Interrupted once it has started (not after a sleep, which a loaded machine may outlast)...
      const started = yield* Deferred.make<void>()
      const late = Deferred.succeed(started, undefined).pipe(
        Effect.andThen(Effect.never),
        Effect.onInterrupt(() => Ref.set(interrupted, true))
      )
      const calls = yield* watchTimers(Effect.gen(function*() {
        const fiber = yield* Effect.forkChild(deadline(late, 60_000, () => new Late()))
        yield* Deferred.await(started)
        // And once its deadline is set.
        while (!vi.mocked(setTimeout).mock.calls.some((call) => (call[1] ?? 0) >= 1000)) yield* Effect.yieldNow
        yield* Fiber.interrupt(fiber)
      }))
      expect(yield* Ref.get(interrupted)).toBe(true)
      expect(calls).toMatchObject({ long: 1, cleared: 1 })
    }))

  it.live("an effect that ends just as the deadline passes gives one outcome", () =>
    Effect.gen(function*() {
      for (let i = 0; i < 20; i++) {
        const result = yield* Effect.result(deadline(Effect.as(Effect.sleep(2), "done"), 2, () => new Late()))
        expect([Result.succeed("done"), Result.fail(new Late())]).toContainEqual(result)
      }
    }))

  it.live("an endless deadline sets no timer", () =>
    Effect.gen(function*() {
      const never = Deferred.await(yield* Deferred.make<void>())
      const calls = yield* watchTimers(Effect.gen(function*() {
        const fiber = yield* Effect.forkChild(deadline(never, Infinity, () => new Late()))
        yield* Effect.sleep(5)
        expect(fiber.pollUnsafe()).toBeUndefined()
        yield* Fiber.interrupt(fiber)
      }))
      expect(calls.long).toBe(0)
    }))

  it.effect("under a TestClock, follows that clock", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.forkChild(Effect.result(deadline(Effect.never, 1000, () => new Late())))
      yield* TestClock.adjust(999)
      expect(fiber.pollUnsafe()).toBeUndefined()
      yield* TestClock.adjust(1)
      expect(yield* Fiber.join(fiber)).toEqual(Result.fail(new Late()))
    }))
})
