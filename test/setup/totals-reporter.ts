import type { Reporter, TestModule } from "vitest/node";

/** Ends every run with one line CI can read: "N passed, N failed". A file that fails to load counts as a failure. */
export default class TotalsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const testModule of testModules) {
      let failedInModule = 0;
      for (const test of testModule.children.allTests()) {
        const { state } = test.result();
        if (state === "passed") passed += 1;
        if (state === "failed") failedInModule += 1;
      }
      if (failedInModule === 0 && testModule.state() === "failed") failedInModule = 1;
      failed += failedInModule;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
