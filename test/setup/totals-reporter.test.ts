import { afterEach, describe, expect, it, vi } from "vitest";
import type { TestModule, TestModuleState, TestState } from "vitest/node";
import TotalsReporter from "./totals-reporter";

/** A test file as Vitest reports it at the end of a run, reduced to what the reporter reads. */
function testFile(tests: TestState[], state: TestModuleState = tests.includes("failed") ? "failed" : "passed"): TestModule {
  const children = {
    *allTests() {
      for (const testState of tests) yield { result: () => ({ state: testState }) };
    },
  };
  return { state: () => state, children } as unknown as TestModule;
}

function printedAtRunEnd(files: TestModule[], unhandledErrors: unknown[] = []): string {
  const write = vi.spyOn(process.stdout, "write").mockReturnValue(true);
  new TotalsReporter().onTestRunEnd(files, unhandledErrors);
  return write.mock.calls.map(([chunk]) => String(chunk)).join("");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the totals reporter", () => {
  it("ends the run with one line counting passed and failed tests, skipped and pending ones in neither", () => {
    const output = printedAtRunEnd([testFile(["passed", "failed", "skipped"]), testFile(["passed", "passed", "pending"])]);

    expect(output).toBe("\n3 passed, 1 failed\n");
  });

  it("counts a file that failed to load as one failure, and a file's failed tests only once", () => {
    const output = printedAtRunEnd([testFile([], "failed"), testFile(["failed", "failed", "passed"], "failed")]);

    expect(output).toBe("\n1 passed, 3 failed\n");
  });

  it("counts each unhandled error as a failure", () => {
    const output = printedAtRunEnd([testFile(["passed"])], [new Error("thrown after the test ended")]);

    expect(output).toBe("\n1 passed, 1 failed\n");
  });
});
