/**
 * Runs the `erpsync` executable as users run it: `packages/cli/dist/bin.js` with plain `node` (bundled from
 * the sources under test by the tests' global setup).
 */
import * as NodeServices from "@effect/platform-node/NodeServices"
import { run } from "@erpsync/cli/Cli"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const bin = path.join(root, "packages/cli/dist/bin.js")

export interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `erpsync ...args` with `input` on standard input. */
export const erpsync = (args: ReadonlyArray<string>, input = "", env: Record<string, string> = {}): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })

/**
 * Runs `erpsync ...args` under a pseudo-terminal, as a person at a terminal runs it (standard input a TTY),
 * through util-linux's `script`; ended after `timeoutMillis` (`code` null then). The output is the
 * terminal's: standard output and standard error together.
 */
export const erpsyncInTerminal = (args: ReadonlyArray<string>, timeoutMillis = 20_000): Promise<Run> =>
  new Promise((resolve, reject) => {
    const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`
    const command = [process.execPath, bin, ...args].map(quote).join(" ")
    const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] })
    let stdout = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMillis)
    child.on("error", reject)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr: "" })
    })
  })

/** Starts `erpsync ...args` in the background; resolves with the first line of its standard output. */
export const erpsyncBackground = (
  args: ReadonlyArray<string>
): Promise<{ readonly firstLine: string; readonly stop: () => Promise<number | null> }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d
      const newline = stdout.indexOf("\n")
      if (newline !== -1) {
        resolve({
          firstLine: stdout.slice(0, newline),
          stop: () =>
            new Promise((done) => {
              child.on("close", (code) => done(code))
              child.kill("SIGINT")
            })
        })
      }
    })
    child.on("error", reject)
    child.on("close", (code) => reject(new Error(`exited with ${code} before printing a line: ${stderr}`)))
  })

/** Runs the command line in this process, with its console captured. */
export const runInProcess = async (args: ReadonlyArray<string>) => {
  const stdout: Array<string> = []
  const stderr: Array<string> = []
  const exit = await Effect.runPromiseExit(
    Effect.gen(function*() {
      const console = yield* Console.Console
      return yield* run(["node", "erpsync", ...args]).pipe(
        Effect.provideService(Console.Console, {
          ...console,
          log: (...parts: ReadonlyArray<unknown>) => void stdout.push(parts.join(" ")),
          error: (...parts: ReadonlyArray<unknown>) => void stderr.push(parts.join(" "))
        })
      )
    }).pipe(Effect.provide(NodeServices.layer))
  )
  return { ok: Exit.isSuccess(exit), stdout: stdout.join("\n"), stderr: stderr.join("\n") }
}
