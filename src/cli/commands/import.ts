// deeds import KIND FILE…: published datasets and lists, streamed, idempotent, with provenance.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { addSummaries, emptySummary, type ImportKind, type ImportSummary } from '../../import/kinds.js';
import { cliActor, print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';
import { progressBar } from '../progress.js';

/** Rejects shown in full; the rest go to a file whose path is printed. */
const SHOWN_REJECTS = 20;

interface Rescreen {
  case: string;
  new: number;
  gone: number;
  changed: number;
}

export function importCommand(kinds: ImportKind[]): Command {
  const names = kinds.map((k) => k.kind);
  return withDb(new Command('import'))
    .description(`import published data: ${kinds.map((k) => `${k.kind} (${k.description})`).join('; ')}`)
    .argument('<kind>', names.join(' | '))
    .argument('<files...>', 'files to import, each in one transaction')
    .option('--json', 'print the result as JSON')
    .action(async (kindName: string, files: string[], options: DbOptions & { json?: boolean }) => {
      const kind = kinds.find((k) => k.kind === kindName);
      if (!kind) throw new UserError(`unknown import kind "${kindName}"; use one of: ${names.join(', ')}`, 2);
      // A new sanctions list version re-screens every case (src/screening/rescreen.ts); the last word per case counts.
      const rescreened = new Map<string, Rescreen>();
      const summary = await useStore(options, async (store) => {
        let total = emptySummary(kind.kind, []);
        for (const file of files) {
          const bar = progressBar(`importing ${file}`);
          try {
            const one: ImportSummary & { rescreened?: Rescreen[] } = await kind.importFile(store, file, { actor: cliActor(), onProgress: bar.update });
            for (const r of one.rescreened ?? []) rescreened.set(r.case, r);
            total = addSummaries(total, one);
          } finally {
            bar.stop();
          }
        }
        return total;
      });
      const rejectsFile = summary.rejects.length > SHOWN_REJECTS ? await writeRejects(summary) : undefined;
      const shown = { ...summary, rejects: summary.rejects.slice(0, SHOWN_REJECTS), ...(rejectsFile ? { rejects_file: rejectsFile } : {}), ...(rescreened.size ? { rescreened: [...rescreened.values()] } : {}) };
      if (options.json) return printJson(shown);
      print(`${kind.kind}: read ${summary.read}, inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}`);
      for (const r of shown.rejects) print(`  rejected ${r.file}:${r.line}: ${r.reason}`);
      if (rejectsFile) print(`  … all ${summary.rejects.length} rejects are listed in ${rejectsFile}`);
      for (const r of rescreened.values()) print(`  re-screened case ${r.case}: ${r.new} new, ${r.gone} gone, ${r.changed} changed match(es)${r.new + r.gone + r.changed ? ' (see `deeds alerts CASE_ID`)' : ''}`);
    });
}

async function writeRejects(summary: ImportSummary): Promise<string> {
  const dir = join('.deeds', 'rejects');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${summary.kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(summary.rejects, null, 2));
  return file;
}
