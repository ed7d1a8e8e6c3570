/**
 * Progress of long test files, for a run whose output is not a terminal (CI, a log): vitest's default
 * reporter then says nothing about a file until it ends, and a file of laws runs for minutes. Every 30 s,
 * this says how far each file running that long has got. In a terminal the default reporter's live view
 * says it already.
 */
import type { Reporter, TestCase, TestModule } from "vitest/node"

const EVERY = 30_000

export default class Progress implements Reporter {
  private readonly running = new Map<TestModule, { readonly since: number; done: number }>()
  private timer: ReturnType<typeof setInterval> | undefined

  onTestRunStart(): void {
    if (process.stdout.isTTY) return
    this.timer = setInterval(() => this.report(), EVERY)
    this.timer.unref()
  }

  onTestModuleStart(module: TestModule): void {
    this.running.set(module, { since: Date.now(), done: 0 })
  }

  onTestCaseResult(test: TestCase): void {
    const running = this.running.get(test.module)
    if (running !== undefined) running.done++
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(module)
  }

  onTestRunEnd(): void {
    clearInterval(this.timer)
  }

  private report(): void {
    const now = Date.now()
    for (const [module, { done, since }] of this.running) {
      if (now - since < EVERY) continue
      console.log(`… ${module.relativeModuleId}: ${done} tests done in ${Math.round((now - since) / 1000)} s`)
    }
  }
}
