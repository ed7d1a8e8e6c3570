/**
 * Every test starts after a turn of the event loop. A test worker reports to vitest's main process over
 * an RPC channel whose replies are read only when the worker's event loop polls; a file of many
 * synchronous tests (the laws, the tokenizer's properties) never lets it poll, and on a loaded machine
 * the worker's 60 s RPC timer fires before the reply is read ("Timeout calling onTaskUpdate"), which fails
 * the run although every test passed.
 */
import { beforeEach } from "vitest"

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)))
