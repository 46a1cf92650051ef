// OFAC SDN XML (sdn.xml: <sdnList><publshInformation/><sdnEntry>…). Unlike the legacy CSV it
// grades aliases strong/weak and carries dates of birth and nationalities as elements.
import { children, childText, readXmlRecords, type XmlNode } from '../xml.js';
import { countryCodes } from '../../util/countries.js';
import { dateFromFile } from './dates.js';
import type { ListSource } from '../source.js';
import { parseDob } from './ofac-remarks.js';
import { SanctionsInputError } from '../errors.js';
import type { BirthDate, EntryName, EntrySchema, ListSnapshot, SanctionsEntry } from '../types.js';

const SCHEMAS: Record<string, EntrySchema> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft', entity: 'entity' };

const fullName = (node: XmlNode): string => {
  const last = childText(node, 'lastName');
  const first = childText(node, 'firstName');
  return first && last ? `${last}, ${first}` : last || first;
};

const list = (node: XmlNode, listName: string, item: string): XmlNode[] => children(node, listName).flatMap((l) => children(l, item));

export async function readOfacXml(source: ListSource): Promise<ListSnapshot> {
  const file = source.name;
  const snapshot: ListSnapshot = { list: 'ofac', version: '', published: '', entries: [], rejects: [], read: 0 };
  const seen = new Set<string>();
  let publishDate = '';
  await readXmlRecords(source, {
    records: new Set(['sdnEntry', 'publshInformation']),
    onRoot(name) {
      if (name !== 'sdnList') throw new SanctionsInputError(`not an OFAC SDN XML file: the root element is <${name}>, expected <sdnList>`, file, 1);
    },
    onRecord(node, line) {
      if (node.name === 'publshInformation') {
        publishDate = childText(node, 'Publish_Date');
        return;
      }
      snapshot.read++;
      const ref = childText(node, 'uid');
      const name = fullName(node);
      if (!/^\d+$/.test(ref) || !name) return void snapshot.rejects.push({ line, reason: 'sdnEntry without a numeric uid or a name' });
      if (seen.has(ref)) return void snapshot.rejects.push({ line, reason: `uid ${ref} appears twice; the first is kept` });
      seen.add(ref);
      const names: EntryName[] = [{ name, kind: 'primary' }];
      for (const aka of list(node, 'akaList', 'aka')) {
        const akaName = fullName(aka);
        if (!akaName) continue;
        const category = childText(aka, 'category').toLowerCase();
        const former = /^f\.?k\.?a/i.test(childText(aka, 'type'));
        names.push({ name: akaName, kind: former ? 'former' : category === 'weak' ? 'weak_alias' : 'alias', ...(category ? { quality: category } : {}) });
      }
      const entry: SanctionsEntry = {
        ref,
        schema: SCHEMAS[childText(node, 'sdnType').toLowerCase()] ?? 'entity',
        name,
        names,
        birth: list(node, 'dateOfBirthList', 'dateOfBirthItem').map((d) => parseDob(childText(d, 'dateOfBirth'))).filter((b): b is BirthDate => b !== undefined),
        nationality: countryCodes([...list(node, 'nationalityList', 'nationality'), ...list(node, 'citizenshipList', 'citizenship')].map((n) => childText(n, 'country'))),
        programs: list(node, 'programList', 'program').map((p) => p.text.trim()).filter(Boolean),
      };
      const remarks = childText(node, 'remarks');
      if (remarks) entry.remarks = remarks;
      snapshot.entries.push(entry);
    },
  });
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(publishDate);
  snapshot.version = publishDate || dateFromFile(source);
  snapshot.published = m ? `${m[3]}-${m[1]}-${m[2]}` : dateFromFile(source);
  return snapshot;
}
