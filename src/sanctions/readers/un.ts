// UN Security Council Consolidated List (consolidated.xml, schema sc-sanctions.xsd). The files
// vary in formatting (quotes, stray spaces, empty placeholders), which a real parser absorbs;
// values are trimmed and empty placeholders dropped here.
import { children, childText, readXmlRecords, valuesOf, type XmlNode } from '../xml.js';
import { countryCodes } from '../../util/countries.js';
import { dateFromFile, isoTimestamp } from './dates.js';
import { SanctionsInputError } from '../errors.js';
import type { ListSource } from '../source.js';
import type { BirthDate, EntryName, ListSnapshot, SanctionsEntry } from '../types.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export async function readUnList(source: ListSource): Promise<ListSnapshot> {
  const file = source.name;
  let generated: string | undefined;
  let root = '';
  const snapshot: ListSnapshot = { list: 'un', version: '', published: '', entries: [], rejects: [], read: 0 };
  const seen = new Set<string>();
  await readXmlRecords(source, {
    records: new Set(['INDIVIDUAL', 'ENTITY']),
    onRoot(name, attrs) {
      root = name;
      if (name !== 'CONSOLIDATED_LIST') throw new SanctionsInputError(`not a UN consolidated list: the root element is <${name}>, expected <CONSOLIDATED_LIST>`, file, 1);
      generated = attrs['dateGenerated'];
    },
    onRecord(node, line) {
      snapshot.read++;
      const entry = toEntry(node);
      if (typeof entry === 'string') snapshot.rejects.push({ line, reason: entry });
      else if (seen.has(entry.ref)) snapshot.rejects.push({ line, reason: `reference ${entry.ref} appears twice; the first is kept` });
      else {
        seen.add(entry.ref);
        snapshot.entries.push(entry);
      }
    },
  });
  if (root !== 'CONSOLIDATED_LIST') throw new SanctionsInputError('not a UN consolidated list', file);
  snapshot.version = generated?.trim() || dateFromFile(source);
  snapshot.published = (generated && isoTimestamp(generated)) || dateFromFile(source);
  return snapshot;
}

function toEntry(node: XmlNode): SanctionsEntry | string {
  const ref = squash(childText(node, 'REFERENCE_NUMBER'));
  if (!ref) return `<${node.name}> without a REFERENCE_NUMBER`;
  const name = squash(['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => childText(node, n)).join(' '));
  if (!name) return `${ref}: no name`;
  const names: EntryName[] = [{ name, kind: 'primary' }];
  const original = squash(childText(node, 'NAME_ORIGINAL_SCRIPT'));
  if (original) names.push({ name: original, kind: 'original_script' });
  for (const alias of [...children(node, 'INDIVIDUAL_ALIAS'), ...children(node, 'ENTITY_ALIAS')]) {
    const quality = squash(childText(alias, 'QUALITY'));
    // Some aliases list several spellings in one field: "Qasim Soleimani; Qasem Sulaimani; …".
    for (const aliasName of childText(alias, 'ALIAS_NAME').split(';').map(squash).filter(Boolean)) {
      names.push({ name: aliasName, kind: quality === 'f.k.a.' ? 'former' : 'alias', ...(quality ? { quality } : {}) });
      // "Akrin Saleh Akrin (أقرين صالح أقرين)": the bracket holds the same name in its own script;
      // the matcher drops brackets from names, so it becomes a name of its own.
      for (const m of aliasName.matchAll(/\(([^()]*[\u0600-\u06FF\u0400-\u04FF][^()]*)\)/g)) {
        const script = squash(m[1] as string);
        if (!/[A-Za-z]/.test(script) && !names.some((n) => n.name === script)) names.push({ name: script, kind: 'original_script' });
      }
    }
  }
  const entry: SanctionsEntry = {
    ref,
    schema: node.name === 'INDIVIDUAL' ? 'person' : 'entity',
    name,
    names,
    birth: children(node, 'INDIVIDUAL_DATE_OF_BIRTH').map(birthOf).filter((b): b is BirthDate => b !== undefined),
    nationality: countryCodes(valuesOf(node, 'NATIONALITY')),
    programs: [squash(childText(node, 'UN_LIST_TYPE'))].filter(Boolean),
  };
  // Some records carry a zone offset on the date (`2015-03-27-04:00`); the listing day is what counts.
  const listed = childText(node, 'LISTED_ON');
  const day = /^\d{4}-\d{2}-\d{2}/.exec(listed)?.[0];
  if (day || listed) entry.listed_on = day ?? listed;
  const remarks = squash(childText(node, 'COMMENTS1'));
  if (remarks) entry.remarks = remarks;
  return entry;
}

function birthOf(node: XmlNode): BirthDate | undefined {
  const type = childText(node, 'TYPE_OF_DATE').toUpperCase();
  const approx = type === 'APPROXIMATELY' || /approx/i.test(childText(node, 'NOTE'));
  const date = childText(node, 'DATE');
  const year = childText(node, 'YEAR');
  const from = childText(node, 'FROM_YEAR');
  const to = childText(node, 'TO_YEAR');
  const flag = approx ? { approx: true } : {};
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return { date: date.slice(0, 10), ...flag };
  if (/^\d{4}$/.test(year)) return { date: year, ...flag };
  if (/^\d{4}$/.test(from) || /^\d{4}$/.test(to)) {
    return { ...(from ? { from_year: Number(from) } : {}), ...(to ? { to_year: Number(to) } : {}), ...flag };
  }
  return undefined;
}
