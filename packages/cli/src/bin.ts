#!/usr/bin/env node
/**
 * The `erpsync` executable. It exits 0 on success (and after help), 1 on a failure, and 130 when
 * interrupted (Ctrl-C), after what the command holds is released.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import * as Effect from "effect/Effect"
import { run } from "./Cli.js"

run(process.argv).pipe(
  Effect.provide(NodeServices.layer),
  // The command line reports its failures itself; the exit code is the runtime's: 130 for an interruption,
  // 0 for help shown without an error, 1 for any other failure.
  NodeRuntime.runMain({ disableErrorReporting: true })
)
