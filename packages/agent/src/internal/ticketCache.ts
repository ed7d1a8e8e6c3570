/**
 * The ticket cache of a login source: one ticket per key (its source makes one per SoPrincipal endpoint and
 * application token), shared by every caller.
 *
 * - A cold or expired entry starts one login; every caller that asks meanwhile waits for that same login,
 *   so 50 concurrent calls on a cold cache log in once, and a failed login fails all of them once.
 * - The login runs in the cache's scope, not in the caller's fiber: a caller that is interrupted stops
 *   waiting, but the login goes on for the others.
 * - A failure is not cached: the next call logs in again.
 * - A ticket the service rejected is dropped, unless a newer one has replaced it already.
 * - From the look-up to the login's fork nothing can interrupt: an interruption there would leave a
 *   pending login that never runs, and every later caller waiting on it.
 * - Once the scope is closed, logins in flight end interrupted and `get` is a defect.
 */
import * as Clock from "effect/Clock"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"

type Slot<E> =
  | { readonly _tag: "Ready"; readonly ticket: Redacted.Redacted<string>; readonly expiresAt: number }
  | { readonly _tag: "Pending"; readonly deferred: Deferred.Deferred<Redacted.Redacted<string>, E> }

export interface TicketCache<E> {
  /** The ticket for `key`: cached while younger than the lifetime, otherwise from `login`. */
  readonly get: (key: string, login: Effect.Effect<Redacted.Redacted<string>, E>) => Effect.Effect<
    Redacted.Redacted<string>,
    E
  >
  /** Drops `ticket` for `key` if it is still the cached one. */
  readonly reject: (key: string, ticket: Redacted.Redacted<string>) => Effect.Effect<void>
}

export const makeTicketCache = <E>(
  lifetime: Duration.Input
): Effect.Effect<TicketCache<E>, never, Scope.Scope> =>
  Effect.gen(function*() {
    const scope = yield* Effect.scope
    const lifetimeMillis = Duration.toMillis(lifetime)
    const slots = new Map<string, Slot<E>>()
    let closed = false
    yield* Effect.addFinalizer(() => Effect.sync(() => (closed = true)))

    const start = (key: string, login: Effect.Effect<Redacted.Redacted<string>, E>) => {
      const deferred = Deferred.makeUnsafe<Redacted.Redacted<string>, E>()
      slots.set(key, { _tag: "Pending", deferred })
      const loginAndStore = Effect.flatMap(login, (ticket) =>
        Effect.map(Clock.currentTimeMillis, (now) => {
          slots.set(key, { _tag: "Ready", ticket, expiresAt: now + lifetimeMillis })
          return ticket
        }))
      return Effect.map(Effect.forkIn(loginAndStore, scope), (fiber) => {
        // Observed from outside the fiber, in the same step as its fork: the deferred is completed however
        // the fiber ends, even one interrupted before it started (the scope closing).
        fiber.addObserver((exit) => {
          if (exit._tag === "Failure") {
            const slot = slots.get(key)
            if (slot?._tag === "Pending" && slot.deferred === deferred) slots.delete(key)
            // Only the scope interrupts a login: from here on, the cache is closed.
            if (Exit.hasInterrupts(exit)) closed = true
          }
          Deferred.doneUnsafe(deferred, exit)
        })
        return deferred
      })
    }

    const cache: TicketCache<E> = {
      get: (key, login) =>
        Effect.uninterruptibleMask((restore) =>
          Effect.flatMap(Clock.currentTimeMillis, (now) =>
            // Synchronous from the look-up to the new slot: no other fiber can start a second login.
            Effect.suspend(() => {
              if (closed) return Effect.die(new Error("the ticket source is used after its scope was closed"))
              const slot = slots.get(key)
              if (slot?._tag === "Pending") return restore(Deferred.await(slot.deferred))
              if (slot?._tag === "Ready" && now < slot.expiresAt) return Effect.succeed(slot.ticket)
              return Effect.flatMap(start(key, login), (deferred) => restore(Deferred.await(deferred)))
            }))
        ),
      reject: (key, ticket) =>
        Effect.sync(() => {
          const slot = slots.get(key)
          if (slot?._tag === "Ready" && Redacted.value(slot.ticket) === Redacted.value(ticket)) slots.delete(key)
        })
    }
    return cache
  })
