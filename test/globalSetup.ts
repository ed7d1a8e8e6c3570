/**
 * Before the tests: the command line is bundled from its sources (`packages/cli/build.mjs`, about a
 * second), so that the tests that run the `erpsync` executable run what users run, from the code under test.
 */
import { execFileSync } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
  execFileSync(process.execPath, [path.join(root, "packages/cli/build.mjs")], { stdio: "inherit" })
}
