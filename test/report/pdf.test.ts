// PDF through headless Chromium: skipped (with the reason) where Chromium is not installed.
// Pages are checked with pdftotext when poppler-utils is there, else by counting page objects.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, chromiumPath, renderReport } from '../../src/report/index.js';
import { htmlToPdf } from '../../src/report/pdf.js';
import { AS_OF, bundledCase } from './fixtures.js';

const chromium = chromiumPath();
const haveChromium = existsSync(chromium);
const havePdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

describe('PDF briefing', () => {
  it.skipIf(!haveChromium)(`prints the bundled case with numbered pages${haveChromium ? '' : ` (skipped: no Chromium at ${chromium})`}`, async () => {
    const out = await renderReport({ case: await bundledCase(), asOf: AS_OF }, 'pdf');
    expect(out.contentType).toBe('application/pdf');
    const pdf = out.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pageObjects = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
    expect(pageObjects).toBeGreaterThanOrEqual(5);
    if (!havePdftotext) return; // page objects counted above; the text checks need poppler-utils
    const file = join(mkdtempSync(join(tmpdir(), 'deeds-pdf-test-')), 'b.pdf');
    writeFileSync(file, pdf);
    const pages = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(pageObjects);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page, `page ${i + 1}`).toContain('TLP:CLEAR');
    });
    expect(pages[0]).toContain('Key judgements');
    expect(pages[0]).toMatch(/We judge with high confidence that Taliban almost\s+certainly broke/);
    const annexA = pages.findIndex((p) => p.includes('Annex A: Evidence cited'));
    const annexB = pages.findIndex((p) => p.includes('Annex B: Sources'));
    expect(annexA).toBeGreaterThan(0);
    expect(annexB).toBeGreaterThan(annexA);
    // Annexes start on a new page: the heading comes right after the marking in the top margin.
    expect(pages[annexB]?.trim().split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2)).toEqual(['TLP:CLEAR', 'Annex B: Sources']);
    expect(pages.join('\n')).toContain('Claims audit');
  });

  it('fails with a clear message, saying how to install it, when Chromium is missing', async () => {
    const err = await htmlToPdf('<p>x</p>', '/nonexistent/chromium').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect(String((err as Error).message)).toMatch(/\/nonexistent\/chromium does not exist; install it \(as root: apt-get install -y chromium\)/);
  });
});
