/**
 * The ticket cache of a login source: one ticket per SoPrincipal endpoint, shared by every caller.
 *
 * - A cold or expired entry starts one login; every caller that asks meanwhile waits for that same login,
 *   so 50 concurrent calls on a cold cache log in once, and a failed login fails all of them once.
 * - The login runs in the cache's scope, not in the caller's fiber: a caller that is interrupted stops
 *   waiting, but the login goes on for the others.
 * - A failure is not cached: the next call logs in again.
 * - A ticket the service rejected is dropped, unless a newer one has replaced it already.
 */
import * as Clock from "effect/Clock"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberId from "effect/FiberId"
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
  lifetime: Duration.DurationInput
): Effect.Effect<TicketCache<E>, never, Scope.Scope> =>
  Effect.map(Effect.scope, (scope) => {
    const lifetimeMillis = Duration.toMillis(lifetime)
    const slots = new Map<string, Slot<E>>()

    const start = (key: string, login: Effect.Effect<Redacted.Redacted<string>, E>) => {
      const deferred = Deferred.unsafeMake<Redacted.Redacted<string>, E>(FiberId.none)
      slots.set(key, { _tag: "Pending", deferred })
      const run = login.pipe(
        Effect.flatMap((ticket) =>
          Effect.map(Clock.currentTimeMillis, (now) => {
            slots.set(key, { _tag: "Ready", ticket, expiresAt: now + lifetimeMillis })
            return ticket
          })
        ),
        Effect.onExit((exit) =>
          Effect.suspend(() => {
            if (exit._tag === "Failure") {
              const slot = slots.get(key)
              if (slot?._tag === "Pending" && slot.deferred === deferred) slots.delete(key)
            }
            return Deferred.done(deferred, exit)
          })
        )
      )
      return Effect.zipRight(Effect.forkIn(run, scope), Deferred.await(deferred))
    }

    return {
      get: (key, login) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          // Synchronous from the look-up to the new slot: no other fiber can start a second login.
          Effect.suspend(() => {
            const slot = slots.get(key)
            if (slot?._tag === "Pending") return Deferred.await(slot.deferred)
            if (slot?._tag === "Ready" && now < slot.expiresAt) return Effect.succeed(slot.ticket)
            return start(key, login)
          })),
      reject: (key, ticket) =>
        Effect.sync(() => {
          const slot = slots.get(key)
          if (slot?._tag === "Ready" && Redacted.value(slot.ticket) === Redacted.value(ticket)) slots.delete(key)
        })
    }
  })
