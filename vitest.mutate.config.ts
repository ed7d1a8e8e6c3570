import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Stryker runs this suite in a copy of the repository whose `node_modules` are links to the original's: the
// codec is imported from the copy's sources, where the mutants are, and not through those links.
const codec = fileURLToPath(new URL("packages/codec/src/", import.meta.url))

/**
 * The codec's own suite, which `pnpm mutate` runs against each mutant of `packages/codec/src`: the tests
 * whose subject is the codec, in process (the command line's tests run a bundle in a child process, which
 * a mutant switched on in the test process cannot reach).
 */
export default defineConfig({
  ssr: { resolve: { conditions: ["@erpsync/source"] } },
  resolve: {
    alias: [
      { find: /^@erpsync\/codec$/, replacement: `${codec}index.ts` },
      { find: /^@erpsync\/codec\/(.*)$/, replacement: `${codec}$1.ts` }
    ]
  },
  test: {
    include: [
      "codec-generic",
      "conformance-user",
      "decode-errors",
      "encode",
      "examples",
      "fuzz",
      "hostile-xml",
      "laws",
      "soprincipal",
      "wsdl-drift",
      "xsd-builtins",
      "xsd-lexical",
      "xsd-validation"
    ].map((name) => `test/src/${name}.test.ts`),
    // The laws over the fewest messages that have every XML shape, 20 cases each: enough to reach every
    // branch the laws over all messages reach, few enough for every mutant's run to end in an hour on two
    // cores. Each file loads the codec afresh (vitest's default isolation): its plans are cached per schema,
    // and a plan compiled under one mutant must not serve the next.
    env: { ERPSYNC_LAW_MESSAGES: "covering", ERPSYNC_LAW_RUNS: "20" },
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
