/**
 * What the command line writes, made fit for where it goes. Colour only for a terminal: when standard
 * output or standard error is not a terminal, or `NO_COLOR` is set (https://no-color.org), the ANSI colour
 * codes of `@effect/cli`'s help and messages are taken out. A message on standard error ends with its
 * line, without the blank line `@effect/cli` leaves after its own, so that a failure is one line.
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g

const colours = (stream: { readonly isTTY?: boolean }): boolean =>
  stream.isTTY === true && (process.env["NO_COLOR"] ?? "") === ""

const plain = (args: ReadonlyArray<unknown>) =>
  args.map((arg) => (typeof arg === "string" ? arg.replace(ansi, "") : arg))

const trimmed = (args: ReadonlyArray<unknown>) =>
  args.map((arg, i) => (i === args.length - 1 && typeof arg === "string" ? arg.trimEnd() : arg))

/** Runs `effect` with a console that writes colour codes only to a terminal that wants them. */
export const withTerminal = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((base) => {
    const out = colours(process.stdout)
    const err = colours(process.stderr)
    const console: Console.Console = {
      ...base,
      log: (...args) => base.log(...(out ? args : plain(args))),
      info: (...args) => base.info(...(out ? args : plain(args))),
      error: (...args) => base.error(...trimmed(err ? args : plain(args))),
      warn: (...args) => base.warn(...trimmed(err ? args : plain(args)))
    }
    return Effect.withConsole(effect, console)
  })
