import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"
import { BaseSequencer, type TestSpecification } from "vitest/node"

// Stryker runs this suite in a copy of the repository whose `node_modules` are links to the original's: the
// codec is imported from the copy's sources, where the mutants are, and not through those links.
const codec = fileURLToPath(new URL("packages/codec/src/", import.meta.url))

// The suite, cheapest files first.
const files = [
  "xml-errors",
  "decode-errors",
  "decoder-edges",
  "namespaces",
  "escape",
  "duplicates",
  "tokenizer",
  "encode",
  "xsd-lexical",
  "xsd-builtins",
  "codec-generic",
  "namespace-reuse",
  "json-codec",
  "json-reader",
  "json-simple-types",
  "json-generic",
  "examples",
  "soprincipal",
  "wsdl-drift",
  "xsd-validation",
  "conformance-user",
  "arbitrary",
  "differential",
  "laws",
  "hostile-xml",
  "fuzz"
]

/** Runs the files in the order of `files`. */
class InOrder extends BaseSequencer {
  override sort(specifications: Array<TestSpecification>): Promise<Array<TestSpecification>> {
    const rank = (s: TestSpecification) => files.findIndex((name) => s.moduleId.endsWith(`/${name}.test.ts`))
    return Promise.resolve([...specifications].sort((a, b) => rank(a) - rank(b)))
  }
}

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
    include: files.map((name) => `test/src/${name}.test.ts`),
    // Cheap files first: a mutant is killed by the first failing test, so most are killed in a second.
    sequence: { sequencer: InOrder },
    // The laws over the fewest messages that have every XML shape, 20 cases each, 500 fuzzing cases, the
    // differential property at 10 cases per message and kind, and the JSON properties at 25 cases: what a
    // mutant's run pays for is mostly these.
    env: {
      ERPSYNC_LAW_MESSAGES: "covering",
      ERPSYNC_LAW_RUNS: "20",
      ERPSYNC_FUZZ_RUNS: "500",
      ERPSYNC_DIFFERENTIAL_RUNS: "10",
      ERPSYNC_JSON_RUNS: "25"
    },
    // One module graph for all files, `effect` loaded once, and the workspace's modules loaded afresh for
    // each file (test/mutate/fresh.ts): a run of many files costs little more than their tests.
    isolate: false,
    setupFiles: ["test/mutate/fresh.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
