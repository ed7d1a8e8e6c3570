// Bundles the command line into `dist/`: `bin.js` holds what every command needs (the parser and the help),
// and each command's own code is a chunk loaded when that command runs. One file per chunk starts far
// faster than Node resolving and loading the hundreds of modules of its dependencies one by one. dprint
// stays outside: it loads its WebAssembly plugin from its own package.
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import { URL } from "node:url"

fs.rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true })
await esbuild.build({
  absWorkingDir: new URL(".", import.meta.url).pathname,
  entryPoints: ["src/bin.ts"],
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  conditions: ["@erpsync/source"],
  external: ["@dprint/formatter", "@dprint/typescript"],
  // Modules written as CommonJS call `require` for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from \"node:module\"; const require = __createRequire(import.meta.url);" },
  legalComments: "linked",
  logLevel: "warning"
})
