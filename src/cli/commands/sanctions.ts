// deeds sanctions versions|diff|decide|decisions: imported list versions, what changed between
// two of them, and analyst decisions on screening matches (confirmed / false_positive, with
// who, when and why; kept across list updates because they name the list and its reference).
import { existsSync, statSync } from 'node:fs';
import { Command } from 'commander';
import type { Decision } from '../../store/sanctions.js';
import type { Store } from '../../store/open.js';
import type { ListDiff } from '../../sanctions/diff.js';
import type { SanctionsEntry } from '../../sanctions/types.js';
import { cliActor, print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

type Options = DbOptions & { json?: boolean };

const DECISIONS: Decision[] = ['confirmed', 'false_positive'];

// The store, the list readers and the differ are imported inside the actions, so that `--help` loads none of them.
const stored = () => import('../../store/sanctions.js');

export function sanctionsCommand(): Command {
  const cmd = new Command('sanctions').description('sanctions lists: imported versions, differences between versions, analyst decisions on matches');

  withDb(cmd.command('versions'))
    .description('every imported list version, newest first within each list (screening uses the newest)')
    .option('--json', 'print the result as JSON')
    .action(async (options: Options) => {
      const { listVersions } = await stored();
      const versions = await useStore(options, listVersions);
      if (options.json) return printJson({ versions });
      if (versions.length === 0) return print('no list imported yet: deeds import un-sanctions|ofac-sdn|ftm FILE');
      for (const v of versions) print(`${v.id}\t${v.entries} entries\t${v.version}\t${v.file_name}\timported ${v.imported_at} by ${v.imported_by}`);
    });

  withDb(cmd.command('diff'))
    .description('entries added, removed and changed (names, aliases, dates of birth, nationality, programmes) between two versions')
    .argument('<old>', 'a stored version id (see `deeds sanctions versions`) or a list file')
    .argument('<new>', 'a stored version id or a list file')
    .option('--json', 'print the result as JSON')
    .action(async (oldRef: string, newRef: string, options: Options) => {
      const isFile = (x: string) => existsSync(x) && statSync(x).isFile();
      const load = (store: Store | undefined) => Promise.all([side(store, oldRef), side(store, newRef)]);
      const [a, b] = isFile(oldRef) && isFile(newRef) ? await load(undefined) : await useStore(options, load);
      if (a.list !== b.list) throw new UserError(`${oldRef} is a version of list "${a.list}" and ${newRef} of "${b.list}": compare versions of one list`);
      const { diffEntries } = await import('../../sanctions/diff.js');
      const diff = diffEntries(a.entries, b.entries);
      const head = { list: a.list, old: { id: a.id, version: a.version, entries: a.entries.length }, new: { id: b.id, version: b.version, entries: b.entries.length } };
      if (options.json) return printJson({ ...head, ...diff });
      printDiff(head.old.id, head.new.id, diff);
    });

  withDb(cmd.command('decide'))
    .description('record an analyst decision on a match of a case person: confirmed or false_positive, with the reason; a newer decision overrides, none is deleted')
    .argument('<case-id>').argument('<person-id>', 'the case actor (a person)')
    .argument('<ref>', 'the listed reference, e.g. TAi.024 or un:TAi.024')
    .argument('<decision>', DECISIONS.join(' | '))
    .requiredOption('--reason <text>', 'why (kept with who and when)')
    .option('--list <list>', 'the list holding the reference (un, ofac, opensanctions), when the reference alone is ambiguous')
    .option('--json', 'print the stored decision as JSON')
    .action(async (caseId: string, personId: string, refArg: string, decision: string, options: Options & { reason: string; list?: string }) => {
      if (!DECISIONS.includes(decision as Decision)) throw new UserError(`decision "${decision}": use ${DECISIONS.join(' or ')}`, 2);
      if (!options.reason.trim()) throw new UserError('--reason: say why');
      const m = /^(un|ofac|opensanctions):(.+)$/.exec(refArg);
      const ref = m ? (m[2] as string) : refArg;
      const [{ getCase }, { addDecision }] = await Promise.all([import('../../store/cases.js'), stored()]);
      const row = await useStore(options, async (store) => {
        const c = await getCase(store, caseId);
        if (!c) throw new UserError(`no case "${caseId}" in the database (see: deeds case list)`);
        const person = c.actors.find((x) => x.id === personId);
        if (!person) throw new UserError(`case "${caseId}" has no actor "${personId}"`);
        if (person.kind !== 'person') throw new UserError(`actor "${personId}" is a ${person.kind}, not a person: only persons are screened`);
        const list = await listOfRef(store, ref, options.list ?? m?.[1]);
        return addDecision(store, { case_id: caseId, person_id: personId, list, ref, decision: decision as Decision, reason: options.reason.trim() }, cliActor());
      });
      if (options.json) return printJson(row);
      print(`recorded: ${row.person_id} ~ ${row.list} ${row.ref} is ${row.decision} (by ${row.actor} at ${row.decided_at}: ${row.reason})`);
    });

  withDb(cmd.command('decisions'))
    .description('every analyst decision of a case, oldest first (the newest per person and reference is in force)')
    .argument('<case-id>')
    .option('--json', 'print the result as JSON')
    .action(async (caseId: string, options: Options) => {
      const [{ getCase }, { decisionHistory }] = await Promise.all([import('../../store/cases.js'), stored()]);
      const decisions = await useStore(options, async (store) => {
        if (!(await getCase(store, caseId))) throw new UserError(`no case "${caseId}" in the database (see: deeds case list)`);
        return decisionHistory(store.db, caseId);
      });
      if (options.json) return printJson({ case: caseId, decisions });
      if (decisions.length === 0) return print(`no decision recorded in case "${caseId}"`);
      for (const d of decisions) print(`${d.decided_at}\t${d.person_id}\t${d.list} ${d.ref}\t${d.decision}\tby ${d.actor}: ${d.reason}`);
    });
  return cmd;
}

interface Side {
  id: string;
  list: string;
  version: string;
  entries: SanctionsEntry[];
}

/** A diff operand: a list file read on the spot, or a stored version. */
async function side(store: Store | undefined, ref: string): Promise<Side> {
  if (existsSync(ref) && statSync(ref).isFile()) {
    const { detectKind, readList } = await import('../../import/sanctions-files.js');
    const read = await readList(await detectKind(ref), ref);
    if (!('snapshot' in read.result)) throw new UserError(`${ref} is a delta file, not a whole list: import it and compare the stored versions`);
    const s = read.result.snapshot;
    return { id: ref, list: s.list, version: s.version, entries: s.entries };
  }
  if (!store) throw new UserError(`${ref}: no such file`);
  const { getVersion, versionEntries } = await stored();
  const v = await getVersion(store.db, ref);
  if (!v) throw new UserError(`"${ref}" is neither a file nor a stored list version (see: deeds sanctions versions)`);
  return { id: v.id, list: v.list, version: v.version, entries: await versionEntries(store.db, v.id) };
}

/** The list whose stored versions hold the reference; it must be unambiguous. */
async function listOfRef(store: Store, ref: string, wanted: string | undefined): Promise<string> {
  const { listVersions, refsInVersion } = await stored();
  const versions = await listVersions(store);
  const lists = new Set<string>();
  for (const v of versions) {
    if (lists.has(v.list) || (wanted && v.list !== wanted)) continue;
    if ((await refsInVersion(store.db, v.id, [ref])).has(ref)) lists.add(v.list);
  }
  if (lists.size === 0) throw new UserError(`no imported ${wanted ? `"${wanted}" ` : ''}list version holds the reference "${ref}"`);
  if (lists.size > 1) throw new UserError(`"${ref}" is in several lists (${[...lists].join(', ')}): say which with --list`);
  return [...lists][0] as string;
}

function printDiff(oldId: string, newId: string, d: ListDiff): void {
  print(`${oldId} → ${newId}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged`);
  for (const a of d.added) print(`+ ${a.ref}  ${a.name}`);
  for (const r of d.removed) print(`- ${r.ref}  ${r.name}`);
  for (const c of d.changed) {
    print(`~ ${c.ref}  ${c.name}`);
    for (const f of c.changes) {
      const parts = f.before !== undefined ? [`"${f.before}" → "${f.after}"`] : [...(f.added ?? []).map((x) => `+${x}`), ...(f.removed ?? []).map((x) => `-${x}`)];
      print(`    ${f.field}: ${parts.join(', ')}`);
    }
  }
}
