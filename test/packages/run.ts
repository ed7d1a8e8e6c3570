/**
 * The packages as users get them. Each package is packed (`pnpm pack`, as it would be published) and
 * linted as a tarball with publint and with Are the Types Wrong (`esm-only`: ESM under `node16` and
 * `bundler`). Then three fresh projects install the tarballs with npm from the registry, as a user's
 * project does:
 *
 * - a service's (`client.ts`): the client and `effect`, installed as the README says (`npm install
 *   @erpsync/agent effect`, no versions: npm's latest `effect`), and TypeScript. It must hold one copy of
 *   `effect`, no Effect 3 package (`@effect/platform`, `@effect/cli`) and no `@effect/platform-node`, and
 *   `npm ls` must find no peer dependency unmet; its size is printed. The program is type-checked (`strict`, `exactOptionalPropertyTypes`) and run with
 *   `node` against a local server;
 * - the command line's: `erpsync` installed alone, which serves the local server for the first (its
 *   start-up time is measured by `pnpm bench`);
 * - a user's integration test (`testing.ts`): the client with `@erpsync/testing` and
 *   `@effect/platform-node` (no version either), in-process;
 * - the examples project (`examples/`), with the versions its own `package.json` names, each of its
 *   programs run against `erpsync serve`.
 *
 * Run by `pnpm packages` after the build (`pnpm install` builds); CI runs it.
 */
import { execFileSync, spawn } from "node:child_process"
import * as crypto from "node:crypto"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { pack, type Published, published, root } from "./pack.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const scratch = path.join(root, ".scratch-packages")

const run = (command: string, args: ReadonlyArray<string>, cwd: string): string =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })

const check = (ok: boolean, what: string): void => {
  if (!ok) throw new Error(`packages: ${what}`)
  console.log(`ok  ${what}`)
}

const bin = (name: string) => path.join(root, "node_modules/.bin", name)

fs.rmSync(scratch, { recursive: true, force: true })
fs.mkdirSync(scratch, { recursive: true })

const tarball = pack(path.join(scratch, "tarballs"))
for (const name of published) {
  const listing = run("tar", ["-tzf", tarball[name]], root).split("\n")
  check(!listing.some((file) => file.endsWith(".tsbuildinfo")), `@erpsync/${name}: no build info in the tarball`)
  check(
    listing.includes("package/LICENSE") && listing.includes("package/README.md"),
    `@erpsync/${name}: README and LICENSE`
  )
  run(bin("publint"), ["run", tarball[name], "--strict"], root)
  check(true, `@erpsync/${name}: publint reports nothing`)
  if (name !== "cli") {
    run(bin("attw"), [tarball[name], "--profile", "esm-only", "--format", "table-flipped"], root)
    check(true, `@erpsync/${name}: attw (esm-only) reports nothing`)
  }
}

/** A fresh project with the tarballs and packages installed, as the README's "Install" does it. */
const project = (name: string, packed: ReadonlyArray<Published>, packages: ReadonlyArray<string>): string => {
  const dir = path.join(scratch, name)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: `erpsync-${name}`, private: true, type: "module" }, null, 2)
  )
  run("npm", [
    "install",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    ...packed.map((name) => tarball[name]),
    ...packages
  ], dir)
  return dir
}

const typeCheck = (
  dir: string,
  program: string,
  moduleResolution: "node16" | "bundler",
  types: ReadonlyArray<string>
) => {
  fs.copyFileSync(path.join(here, program), path.join(dir, program))
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: moduleResolution === "node16" ? "node16" : "preserve",
        moduleResolution,
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        // The DOM's declarations give `console`; a service without Node's types must compile as well.
        lib: ["ES2022", "DOM"],
        types,
        outDir: "out"
      },
      files: [program]
    })
  )
  run(process.execPath, [path.join(dir, "node_modules/typescript/bin/tsc"), "-p", "."], dir)
  check(true, `${path.basename(dir)}: ${program} type-checks (strict, exactOptionalPropertyTypes, ${moduleResolution})`)
}

/** The bytes a folder takes on disk (`du`). */
const bytesOf = (folder: string): number => Number(run("du", ["-sk", folder], root).split(/\s/)[0]) * 1024

/** A project's installed packages, in bytes. */
const sizeOf = (dir: string): number => bytesOf(path.join(dir, "node_modules"))

const copies = (dir: string, name: string): number => {
  const found = new Set<string>()
  const walk = (modules: string) => {
    if (!fs.existsSync(modules)) return
    for (const entry of fs.readdirSync(modules)) {
      if (entry.startsWith(".")) continue
      const scoped = entry.startsWith("@")
      for (const pkg of scoped ? fs.readdirSync(path.join(modules, entry)).map((e) => `${entry}/${e}`) : [entry]) {
        const dir = path.join(modules, pkg)
        if (pkg === name) found.add(fs.realpathSync(dir))
        walk(path.join(dir, "node_modules"))
      }
    }
  }
  walk(path.join(dir, "node_modules"))
  return found.size
}

// As the README's install line: `effect` without a version. TypeScript is the tool the check runs.
const base = ["effect", "typescript@5.9.3"]

// The service: the client alone.
const service = project("service", ["codec", "schema", "agent"], base)
check(copies(service, "effect") === 1, "service: one copy of effect")
const effectVersion = (JSON.parse(fs.readFileSync(path.join(service, "node_modules/effect/package.json"), "utf8")) as {
  readonly version: string
}).version
check(effectVersion.startsWith("4."), `service: effect ${effectVersion}, npm's latest, is Effect 4`)
for (
  const name of [
    "@effect/platform",
    "@effect/cli",
    "@effect/platform-node",
    "fast-check",
    "@erpsync/cli",
    "@erpsync/testing",
    "@erpsync/codegen"
  ]
) {
  check(copies(service, name) === 0, `service: no ${name}`)
}
// npm ls exits non-zero on a peer dependency that is missing or of the wrong version.
run("npm", ["ls", "--all"], service)
check(true, "service: npm ls --all finds every peer dependency met")
const serviceSize = sizeOf(service)
const clientSize = serviceSize - bytesOf(path.join(service, "node_modules/typescript"))
typeCheck(service, "client.ts", "bundler", [])
typeCheck(service, "client.ts", "node16", [])

// The command line, installed alone; its local server is the endpoint of the service's program.
const cli = project("cli", ["cli"], [])
const erpsync = path.join(cli, "node_modules/.bin/erpsync")
const help = run(erpsync, ["--help"], cli)
check(help.includes("erpsync") && !help.includes("\u001b["), "cli: erpsync --help, without colour codes in a pipe")

const server = spawn(erpsync, ["serve", "--username", "consumer", "--password", "consumer-password"], {
  cwd: cli,
  stdio: ["ignore", "pipe", "inherit"]
})
const exited = new Promise<void>((resolve) => server.on("close", () => resolve()))
try {
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("erpsync serve printed no URL within 30 s")), 30_000)
    let out = ""
    server.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk
      if (out.includes("\n")) {
        clearTimeout(timer)
        resolve(out.split("\n")[0]!)
      }
    })
    server.on("close", (code) => reject(new Error(`erpsync serve exited with ${code}`)))
  })
  const output = execFileSync(process.execPath, [path.join(service, "out/client.js")], {
    cwd: service,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, ERPSYNC_URL: url, ERPSYNC_USERNAME: "consumer", ERPSYNC_PASSWORD: "consumer-password" }
  })
  check(
    /^saved, read back and deleted connection \d+; gone: true\n$/.test(output),
    `service: client.js against erpsync serve: ${output.trim()}`
  )
} finally {
  server.kill("SIGINT")
  await exited
}

// A user's integration test, with the local server in-process.
const testing = project("testing", ["codec", "schema", "agent", "testing"], [
  ...base,
  "@effect/platform-node",
  "@types/node@22.20.7"
])
for (const name of ["effect", "@effect/platform-node"]) {
  check(copies(testing, name) === 1, `testing: one copy of ${name}`)
}
check(copies(testing, "@effect/platform") === 0, "testing: no @effect/platform")
run("npm", ["ls", "--all"], testing)
check(true, "testing: npm ls --all finds every peer dependency met")
typeCheck(testing, "testing.ts", "bundler", ["node"])
typeCheck(testing, "testing.ts", "node16", ["node"])
const tested = execFileSync(process.execPath, [path.join(testing, "out/testing.js")], {
  cwd: testing,
  encoding: "utf8"
})
check(tested === "connector entity created; logins: 1\n", `testing: testing.js: ${tested.trim()}`)

/** Starts `erpsync serve` with `args`; resolves with the lines it prints before it serves. */
const serve = async (args: ReadonlyArray<string>, lines: number) => {
  const child = spawn(erpsync, ["serve", ...args], { cwd: cli, stdio: ["ignore", "pipe", "inherit"] })
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()))
  const printed = await new Promise<ReadonlyArray<string>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("erpsync serve printed no URL within 30 s")), 30_000)
    let out = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk
      if (out.split("\n").length > lines) {
        clearTimeout(timer)
        resolve(out.split("\n").slice(0, lines))
      }
    })
    child.on("close", (code) => reject(new Error(`erpsync serve exited with ${code}`)))
  })
  return { printed, stop: () => (child.kill("SIGINT"), closed) }
}

// The examples project (examples/), with the versions its package.json names, installed from the tarballs
// like a user's project, type-checked by its own tsconfig, and each program run against erpsync serve: a
// user with a password for three of them, a system user (a key pair made here) for the fourth.
{
  const dir = path.join(scratch, "examples")
  fs.cpSync(path.join(root, "examples"), dir, { recursive: true })
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    readonly dependencies: Readonly<Record<string, string>>
    readonly devDependencies: Readonly<Record<string, string>>
  }
  const fromRegistry = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })
    .filter(([name]) => !name.startsWith("@erpsync/"))
    .map(([name, range]) => `${name}@${range}`)
  run("npm", [
    "install",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    ...(["codec", "schema", "agent"] as const).map((name) => tarball[name]),
    ...fromRegistry
  ], dir)
  run("npm", ["run", "--silent", "build"], dir)
  check(true, "examples: npm install, and npm run build type-checks every program (strict, node16)")
  const keys = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
  fs.writeFileSync(path.join(dir, "app-public.pem"), keys.publicKey.export({ type: "spki", format: "pem" }))
  fs.writeFileSync(path.join(dir, "app-private.pem"), keys.privateKey.export({ type: "pkcs8", format: "pem" }))
  const local = await serve([
    "--username",
    "example",
    "--password",
    "example-password",
    "--system-user-token",
    "Examples-8k8Q7DmBgo",
    "--app-public-key",
    path.join(dir, "app-public.pem")
  ], 3)
  try {
    const [endpoint, superId, tenant] = local.printed
    const services88 = (url: string) => url.replace("/Services86/", "/Services88/")
    const program = (name: string, env: Readonly<Record<string, string>>) =>
      execFileSync(process.execPath, [path.join(dir, `out/${name}.js`)], {
        cwd: dir,
        encoding: "utf8",
        timeout: 60_000,
        env: { PATH: process.env["PATH"] ?? "", ...env }
      }).trim()
    const user = {
      ERPSYNC_URL: services88(endpoint!),
      ERPSYNC_USERNAME: "example",
      ERPSYNC_PASSWORD: "example-password"
    }
    const outputs = {
      "connector-and-connection": [
        program("connector-and-connection", user),
        /^connector entity 1; connection 1 \([0-9a-f-]{36}\)$/
      ],
      "read-and-toggle": [
        program("read-and-toggle", user),
        /^1 connections; connection 1 active: true -> false, problems: 0$/
      ],
      "sync-control": [
        program("sync-control", user),
        /^engine running: true, every 15m; SyncAll ok: true; ForceResync of 1 ok: true$/
      ],
      "system-user": [
        program("system-user", {
          ERPSYNC_URL: services88(tenant!.replace(/^Tenant: /, "")),
          ERPSYNC_SYSTEM_USER_TOKEN: "Examples-8k8Q7DmBgo",
          ERPSYNC_PRIVATE_KEY_FILE: path.join(dir, "app-private.pem"),
          ERPSYNC_APPLICATION_TOKEN: "examples-client-secret",
          ERPSYNC_SUPERID_URL: superId!.replace(/^SuperID: /, "")
        }),
        /^logged in as the system user; the engine is running$/
      ]
    } as const
    for (const [name, [output, expected]] of Object.entries(outputs)) {
      check(expected.test(output), `examples: ${name} against erpsync serve: ${output}`)
    }
  } finally {
    await local.stop()
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const ownSize = ["@erpsync", "saxes", "xmlchars"].reduce(
  (sum, name) => sum + bytesOf(path.join(service, "node_modules", name)),
  0
)
const sizes = { client: clientSize, own: ownSize, testing: sizeOf(testing), cli: sizeOf(cli) }
console.log(
  `\nInstall size (node_modules): the client with effect ${mb(sizes.client)}, of which ` +
    `the client's own packages ${mb(sizes.own)} (${mb(serviceSize)} with TypeScript); ` +
    `the client with @erpsync/testing ${mb(sizes.testing)}; the command line alone ${mb(sizes.cli)}`
)
// The README's figures are these, within 10% (the registry's packages change a little between installs).
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")
for (const [name, bytes] of Object.entries(sizes)) {
  const stated = new RegExp(`<!-- size:${name} -->([\\d.]+) MB<!-- /size -->`).exec(readme)?.[1]
  check(
    stated !== undefined && Math.abs(Number(stated) * 1024 * 1024 - bytes) <= bytes * 0.1,
    `README: the ${name} install size (${stated ?? "missing"} MB stated, ${mb(bytes)} measured)`
  )
}
