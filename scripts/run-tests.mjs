// Runs the whole test suite — vitest (unit, integration, web components), then Playwright
// (the web UI in Chromium against a real server) — and ends with the plain line CI reads:
// `N passed, N failed`, summed over both runners (skipped tests are counted on the line before).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });

function runVitest() {
  const report = '.tmp/vitest-report.json';
  rmSync(report, { force: true });
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });
  const counts = { passed: 0, failed: 1, skipped: 0 }; // no report means the run itself broke
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed = result.numPassedTests;
    counts.failed = result.numFailedTests;
    counts.skipped = result.numPendingTests + result.numTodoTests;
    // A test file that fails to load has no tests to count; it is still a failure.
    counts.failed += result.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  }
  if ((run.status ?? 1) !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function runPlaywright() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`\nbrowser tests: no Chromium at ${chromium}. Install it with \`apt-get install -y chromium\` (make test does so when run as root), or set CHROMIUM_PATH.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const report = '.tmp/playwright-report.json';
  rmSync(report, { force: true });
  const run = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  const counts = { passed: 0, failed: 1, skipped: 0 };
  if (existsSync(report)) {
    const { stats, errors = [] } = JSON.parse(readFileSync(report, 'utf8'));
    // A flaky test passed on retry: it counts as passed (retries are off by default).
    counts.passed = stats.expected + stats.flaky;
    counts.failed = stats.unexpected + errors.length;
    counts.skipped = stats.skipped;
  }
  if ((run.status ?? 1) !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const unit = runVitest();
const browser = runPlaywright();
const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed;
const skipped = unit.skipped + browser.skipped;
console.log(`\nvitest: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped; playwright: ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`);
if (skipped) console.log(`${skipped} skipped (each with its reason above)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
