/**
 * Colour only for a terminal: when standard output or standard error is not a terminal, or `NO_COLOR` is
 * set (https://no-color.org), what is written there has its ANSI colour codes taken out. The help and the
 * parser's messages of `@effect/cli` are written with colour codes.
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g

const colours = (stream: { readonly isTTY?: boolean }): boolean =>
  stream.isTTY === true && (process.env["NO_COLOR"] ?? "") === ""

const plain = (args: ReadonlyArray<unknown>) =>
  args.map((arg) => (typeof arg === "string" ? arg.replace(ansi, "") : arg))

/** Runs `effect` with a console that writes colour codes only to a terminal that wants them. */
export const withTerminalColours = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((base) => {
    const out = colours(process.stdout)
    const err = colours(process.stderr)
    if (out && err) return effect
    const console: Console.Console = {
      ...base,
      log: (...args) => base.log(...(out ? args : plain(args))),
      info: (...args) => base.info(...(out ? args : plain(args))),
      error: (...args) => base.error(...(err ? args : plain(args))),
      warn: (...args) => base.warn(...(err ? args : plain(args)))
    }
    return Effect.withConsole(effect, console)
  })
