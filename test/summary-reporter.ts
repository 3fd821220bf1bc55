import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** Whether this is a CI run (`CI` set to anything but "", "0" or "false"), as src/test-helpers.ts reads it. */
function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** "file > describe > test", relative to the project. */
function fullName(test: TestCase): string {
  return `${test.module.relativeModuleId} > ${test.fullName}`;
}

/**
 * Prints `N passed, N failed, N skipped` as the very last line, so CI can read the result
 * without parsing Vitest's coloured summary. Skipped tests are listed above it (their names carry
 * the reason: `[skipped: needs ffmpeg]`); in CI any skipped test fails the run, because a suite
 * that can pass by skipping proves nothing.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped.push(fullName(test));
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++;
    }
    const ci = inCi();
    const lines: string[] = [];
    if (skipped.length > 0) {
      lines.push(
        ci
          ? `\nFAIL: ${skipped.length} test(s) skipped in CI, where nothing may skip:`
          : `\n${skipped.length} test(s) skipped:`,
        ...skipped.map((name) => `  - ${name}`),
      );
      if (ci) process.exitCode = 1;
    }
    lines.push(`\n${passed} passed, ${failed} failed, ${skipped.length} skipped\n`);
    // Written after Vitest's own summary so it is the last line of output.
    setImmediate(() => process.stdout.write(lines.join('\n')));
  }
}
