// The built executable as a user runs it, in a new process each time: what only a real process
// shows (exit status, the version without any command module, output into a pipe that closes
// early). Everything else about the commands is tested in-process (test/helpers/cli-main.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deeds } from '../helpers/cli.js';
import { VERSION } from '../../src/version.js';
import { caseJsonSchema } from '../../src/case/json-schema.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('the deeds executable', () => {
  it('prints its version and exits 0', () => {
    const r = deeds(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('exits 2 on a usage error, 1 on bad input, without a stack trace', () => {
    const usage = deeds(['cases']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown command 'cases'/);
    const dir = mkdtempSync(join(tmpdir(), 'deeds-smoke-'));
    writeFileSync(join(dir, 'case.yaml'), 'case: { id: x, title: X, subject: ghost }\n');
    const input = deeds(['case', 'validate', dir]);
    expect(input.code).toBe(1);
    expect(input.stderr).toMatch(/unknown id "ghost"/);
    noStack(input.stderr);
  });

  it('runs a real command: validates and loads the bundled case', () => {
    expect(deeds(['case', 'validate', 'cases/afghanistan-doha']).stdout).toMatch(/valid case "afghanistan-doha"/);
    const db = join(mkdtempSync(join(tmpdir(), 'deeds-smoke-')), 'deeds.db');
    const load = deeds(['case', 'load', 'cases/afghanistan-doha', '--db', db, '--json']);
    expect(load.code, load.stderr).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ case: 'afghanistan-doha', created: true });
  });
});

describe('output into a pipe that closes early', () => {
  it('stops quietly, without a stack trace, when the reader (e.g. head) goes away', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'deeds-cli-')), 'pipe.db');
    expect(deeds(['case', 'load', 'cases/afghanistan-doha', '--db', db]).code).toBe(0);
    const run = spawnSync('sh', ['-c', `node bin/deeds timeline afghanistan-doha ct-no-hosting --from 1990-01-01 --to 2030-01-01 --step week --db ${db} | head -n 1 >/dev/null`], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled/);
  });

  it('prints the case schema the build wrote, equal to the one made from the zod schemas', () => {
    const r = deeds(['case', 'schema']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(caseJsonSchema())));
  });
});
