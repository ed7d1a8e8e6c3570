/**
 * What a release needs of the workspace: the packages Changesets versions together (its `fixed` group)
 * have one version now, as they will after every release.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { root } from "./support/cli.js"

const json = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as Record<string, unknown>

describe("the release", () => {
  it("has one version for every package of a fixed group", () => {
    const config = json(".changeset/config.json") as { readonly fixed: ReadonlyArray<ReadonlyArray<string>> }
    const byName = new Map(
      fs.readdirSync(path.join(root, "packages")).map((dir) => {
        const manifest = json(`packages/${dir}/package.json`) as { readonly name: string; readonly version: string }
        return [manifest.name, manifest.version] as const
      })
    )
    expect(config.fixed.length).toBeGreaterThan(0)
    for (const group of config.fixed) {
      const versions = group.map((name) => [name, byName.get(name)])
      expect(new Set(versions.map(([, version]) => version)).size, JSON.stringify(versions)).toBe(1)
    }
  })
})
