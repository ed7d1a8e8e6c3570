import { defineConfig } from "vitest/config"

/**
 * The codec's own suite, which `pnpm mutate` runs against each mutant of `packages/codec/src`: the tests
 * whose subject is the codec, in process (the command line's tests run a bundle in a child process, which
 * a mutant switched on in the test process cannot reach).
 */
export default defineConfig({
  ssr: { resolve: { conditions: ["@erpsync/source"] } },
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
    // cores. Modules are loaded once per runner (mutants are switched on at run time).
    env: { ERPSYNC_LAW_MESSAGES: "covering", ERPSYNC_LAW_RUNS: "20" },
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
