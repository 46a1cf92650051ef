// deeds report in-process through main(argv) (test/helpers/cli-main.ts), on the bundled case and a TLP:RED case.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { chromiumPath, readEvidenceCsv } from '../../src/report/index.js';
import { stixProblems } from './stix-schema.js';
import { deedsMain as deeds } from '../helpers/cli-main.js';
import { bundledCase, hostileCase } from './fixtures.js';

const CASE = 'afghanistan-doha';
let dir = '';
let db = '';
const run = (args: string[], env?: Record<string, string>) => deeds([...args, '--db', db], env ? { env } : {});
const out = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deeds-report-cli-'));
  db = join(dir, 'deeds.db');
  const load = await deeds(['case', 'load', 'cases/afghanistan-doha', '--db', db]);
  expect(load.code, load.stderr).toBe(0);
  writeFileSync(out('red.yaml'), stringify(hostileCase('TLP:RED')));
  const red = await deeds(['case', 'load', out('red.yaml'), '--db', db]);
  expect(red.code, red.stderr).toBe(0);
});

describe('deeds report', () => {
  it('writes the HTML and Markdown briefings', async () => {
    for (const format of ['html', 'md']) {
      const r = await run(['report', CASE, '--as-of', '2023-01-01', '--format', format, '--out', out(`b.${format}`)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`wrote ${out(`b.${format}`)}`);
      const text = readFileSync(out(`b.${format}`), 'utf8');
      expect(text).toContain('Key judgements');
      expect(text).toContain('Claims audit');
    }
    // Tripwires were evaluated from the database: the section is not the "absent" line.
    expect(readFileSync(out('b.md'), 'utf8')).not.toContain('No tripwire evaluation was supplied');
  });

  it('writes a valid STIX bundle as of today by default, and a CSV that reads back into the evidence', async () => {
    const s = await run(['report', CASE, '--format', 'stix', '--out', out('b.json')]);
    expect(s.code, s.stderr).toBe(0);
    const bundle = JSON.parse(readFileSync(out('b.json'), 'utf8')) as { objects: Array<Record<string, unknown>> };
    expect(stixProblems(bundle)).toEqual([]);
    expect(bundle.objects.find((o) => o['type'] === 'report')?.['x_deeds_as_of']).toBe(new Date().toISOString().slice(0, 10));
    const c = await run(['report', CASE, '--format', 'csv', '--out', out('e.csv')]);
    expect(c.code, c.stderr).toBe(0);
    const back = readEvidenceCsv(readFileSync(out('e.csv'), 'utf8'));
    expect(back.ok && back.value).toEqual((await bundledCase()).evidence);
  });

  it('refuses a TLP:RED case unless --allow-red is given', async () => {
    const refused = await run(['report', 'hostile', '--format', 'stix', '--out', out('red.json')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/TLP:RED.*--allow-red/);
    expect(existsSync(out('red.json'))).toBe(false);
    const allowed = await run(['report', 'hostile', '--format', 'stix', '--out', out('red.json'), '--allow-red']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(readFileSync(out('red.json'), 'utf8')).toContain('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1');
  });

  it('says how to install Chromium when it is missing, with exit 1', async () => {
    const r = await run(['report', CASE, '--format', 'pdf', '--out', out('x.pdf')], { DEEDS_CHROMIUM: '/nonexistent/chromium' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('apt-get install -y chromium');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.skipIf(!existsSync(chromiumPath()))('writes a PDF with Chromium', async () => {
    const r = await run(['report', CASE, '--as-of', '2021-09-01', '--format', 'pdf', '--out', out('b.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out('b.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('rejects bad usage with exit 2 and an unknown case with exit 1', async () => {
    expect((await run(['report', CASE, '--format', 'docx', '--out', out('x')])).code).toBe(2);
    expect((await run(['report', CASE, '--format', 'md'])).code).toBe(2);
    expect((await run(['report', CASE, '--as-of', 'yesterday', '--format', 'md', '--out', out('x.md')])).code).toBe(2);
    const unknown = await run(['report', 'no-such-case', '--format', 'md', '--out', out('x.md')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no case "no-such-case"');
  });
});
