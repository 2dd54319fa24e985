import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/** What the summary needs of one test file, as plain data (so the counting is tested without vitest). */
export interface ModuleOutcome {
  /** The file, relative to its project. */
  name: string;
  /** The file's own state: "failed" also when it did not load or a hook failed. */
  state: string;
  /** Each test's state: passed, failed, skipped or pending. */
  tests: string[];
  /** Errors outside any test: the file's (e.g. it did not load) and each suite's (e.g. a beforeAll hook). */
  errors: number;
}

export interface RunSummary {
  passed: number;
  /** Failed tests, plus every failure outside a test, plus unhandled errors. */
  failed: number;
  skipped: number;
  line: string;
}

/**
 * Counts a run. A file that fails to load or a failed hook has no failed test (its tests are skipped or
 * never collected), so each such error counts as one failure; an error vitest caught outside every file
 * (unhandledErrors) does too; and a run vitest calls failed never reads "0 failed".
 */
export function summarize(
  modules: readonly ModuleOutcome[],
  unhandledErrors: number,
  reason: TestRunEndReason,
): RunSummary {
  let passed = 0;
  let failedTests = 0;
  let skipped = 0;
  let outside = 0;
  const outsideFiles: string[] = [];
  for (const mod of modules) {
    let failedHere = 0;
    for (const state of mod.tests) {
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
      else skipped++;
    }
    failedTests += failedHere;
    const errors = mod.errors > 0 ? mod.errors : mod.state === 'failed' && failedHere === 0 ? 1 : 0;
    if (errors > 0) {
      outside += errors;
      outsideFiles.push(mod.name);
    }
  }
  let failed = failedTests + outside + unhandledErrors;
  const notes: string[] = [];
  if (outside)
    notes.push(`${outside} outside a test, where a file did not load or a hook failed: ${outsideFiles.join(', ')}`);
  if (unhandledErrors) notes.push(`${unhandledErrors} unhandled error${unhandledErrors === 1 ? '' : 's'}`);
  if (reason === 'failed' && failed === 0) {
    failed = 1;
    notes.push('the run failed outside any test file');
  }
  if (reason === 'interrupted') notes.push('interrupted before the end');
  const line = `tests: ${passed} passed, ${failed} failed, ${skipped} skipped${notes.length ? ` (${notes.join('; ')})` : ''}`;
  return { passed, failed, skipped, line };
}

function outcome(mod: TestModule): ModuleOutcome {
  let errors = mod.errors().length;
  for (const suite of mod.children.allSuites()) errors += suite.errors().length;
  return {
    name: mod.relativeModuleId,
    state: mod.state(),
    tests: [...mod.children.allTests()].map((test) => test.result().state),
    errors,
  };
}

/** Prints one plain closing line ("tests: N passed, N failed, N skipped") that any CI log reader understands. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    console.log(`\n${summarize(modules.map(outcome), unhandledErrors.length, reason).line}`);
  }
}
