// PDF through headless Chromium printing the HTML briefing. Chromium runs with a fresh profile
// and no network features, on a file that loads nothing external; the page numbers and the TLP
// marking come from the HTML's CSS @page margin boxes, so Chromium's own header and footer (which
// would print the temporary file's path) are turned off.
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorCode } from '../errors/index.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const PRINT_TIMEOUT_MS = 120_000;

export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
  readonly code = 'chromium_missing' satisfies ErrorCode;
}

export class PdfRenderError extends Error {
  override name = 'PdfRenderError';
  readonly code = 'pdf_render_failed' satisfies ErrorCode;
}

/** The Chromium binary: $DEEDS_CHROMIUM when set, else /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['DEEDS_CHROMIUM'] || DEFAULT_CHROMIUM;
}

export async function chromiumAvailable(path = chromiumPath()): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** Fails early, before any rendering, when Chromium is not there. */
export async function assertChromium(chromium = chromiumPath()): Promise<void> {
  if (!(await chromiumAvailable(chromium))) {
    throw new ChromiumMissingError(`PDF output needs Chromium, and ${chromium} does not exist; install it (as root: apt-get install -y chromium) or set DEEDS_CHROMIUM to its path; --format html gives the same briefing without it`);
  }
}

export async function htmlToPdf(html: string, chromium = chromiumPath()): Promise<Buffer> {
  await assertChromium(chromium);
  const dir = await mkdtemp(join(tmpdir(), 'deeds-pdf-'));
  try {
    const page = join(dir, 'briefing.html');
    const pdf = join(dir, 'briefing.pdf');
    await writeFile(page, html, 'utf8');
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`, pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: PRINT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
        if (err) reject(new PdfRenderError(`Chromium failed to print the briefing (${err.message.split('\n')[0]}): ${String(stderr).trim().split('\n').slice(-3).join(' ')}`));
        else resolve();
      });
    });
    const bytes = await readFile(pdf).catch(() => null);
    if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfRenderError('Chromium ran but wrote no PDF');
    return bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
