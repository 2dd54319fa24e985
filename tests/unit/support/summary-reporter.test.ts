import { describe, expect, it } from 'vitest';
import { summarize, type ModuleOutcome } from '../../support/summary-reporter';

const file = (name: string, state: string, tests: string[], errors = 0): ModuleOutcome => ({
  name,
  state,
  tests,
  errors,
});

describe('the closing "tests:" line', () => {
  it('counts each test by its state', () => {
    const run = summarize(
      [file('a.test.ts', 'passed', ['passed', 'passed', 'skipped']), file('b.test.ts', 'failed', ['failed', 'passed'])],
      0,
      'failed',
    );
    expect(run).toMatchObject({ passed: 3, failed: 1, skipped: 1 });
    expect(run.line).toBe('tests: 3 passed, 1 failed, 1 skipped');
  });

  it('counts a file that did not load, which has no tests at all', () => {
    const run = summarize(
      [file('ok.test.ts', 'passed', ['passed']), file('broken.test.ts', 'failed', [], 1)],
      0,
      'failed',
    );
    expect(run.failed).toBe(1);
    expect(run.line).toMatch(/^tests: 1 passed, 1 failed, 0 skipped \(1 outside a test, .*broken\.test\.ts\)$/);
  });

  it('counts a failed hook whose tests were skipped, even when vitest reports no error for it', () => {
    expect(summarize([file('hook.test.ts', 'failed', ['skipped', 'skipped'], 1)], 0, 'failed').failed).toBe(1);
    expect(summarize([file('hook.test.ts', 'failed', ['skipped', 'skipped'])], 0, 'failed').failed).toBe(1);
  });

  it('adds errors outside tests to failed tests of the same file, and unhandled errors to both', () => {
    const run = summarize([file('c.test.ts', 'failed', ['passed', 'failed'], 1)], 2, 'failed');
    expect(run.failed).toBe(4);
    expect(run.line).toContain('2 unhandled errors');
  });

  it('never says 0 failed about a run vitest calls failed', () => {
    const run = summarize([], 0, 'failed');
    expect(run.failed).toBe(1);
    expect(run.line).toContain('the run failed outside any test file');
  });

  it('says so when the run was interrupted', () => {
    expect(summarize([file('a.test.ts', 'passed', ['passed'])], 0, 'interrupted').line).toBe(
      'tests: 1 passed, 0 failed, 0 skipped (interrupted before the end)',
    );
  });
});
