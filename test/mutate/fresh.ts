/**
 * A setup file of the mutation suite: each test file imports the codec, the schemas and the laws afresh,
 * while `effect` and the other dependencies stay loaded. The codec caches its plans per schema, and a plan
 * compiled under one mutant must not serve the next file or the next mutant.
 */
import { vi } from "vitest"

vi.resetModules()
