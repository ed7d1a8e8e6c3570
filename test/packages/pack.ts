/**
 * The packages packed as they would be published (`pnpm pack`: `workspace:*` becomes the version and
 * `publishConfig` applies), into `tarballs/` at the repository's root. `pnpm tarballs` runs it after the
 * build (`pnpm install` builds); the README's "Install" installs them from there.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

/** The published packages, by their folder under `packages/`. */
export const published = ["codec", "schema", "codegen", "conformance", "agent", "testing", "cli"] as const
export type Published = (typeof published)[number]

/** Packs every published package into `out`; gives each one's tarball path. */
export const pack = (out = path.join(root, "tarballs")): Record<Published, string> => {
  fs.rmSync(out, { recursive: true, force: true })
  fs.mkdirSync(out, { recursive: true })
  const tarballs = {} as Record<Published, string>
  for (const name of published) {
    const printed = execFileSync("npx", ["-y", "pnpm@12.4.2", "pack", "--pack-destination", out], {
      cwd: path.join(root, "packages", name),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"]
    })
    tarballs[name] = printed.trim().split("\n").at(-1)!.trim()
  }
  return tarballs
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const tarball of Object.values(pack())) console.log(path.relative(process.cwd(), tarball))
}
