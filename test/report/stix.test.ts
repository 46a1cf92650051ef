// STIX 2.1 export: valid against the OASIS STIX 2.1 JSON schemas, references inside the bundle,
// TLP 2.0 markings, and deterministic ids and bytes.
import { describe, expect, it } from 'vitest';
import { mayExport, renderReport } from '../../src/report/index.js';
import { STANDARD_TLP_IDS } from '../../src/report/tlp.js';
import { AS_OF, bundledCase, hostileCase } from './fixtures.js';
import { stixProblems } from './stix-schema.js';

type Bundle = { type: string; id: string; objects: Array<Record<string, unknown> & { type: string; id: string }> };
const stix = async (c: Parameters<typeof renderReport>[0]['case'], asOf = AS_OF) => String((await renderReport({ case: c, asOf }, 'stix')).body);

describe('STIX bundle', () => {
  it('is valid against the STIX 2.1 schemas for the bundled case', async () => {
    const bundle = JSON.parse(await stix(await bundledCase())) as Bundle;
    expect(stixProblems(bundle)).toEqual([]);
    const types = new Set(bundle.objects.map((o) => o.type));
    for (const t of ['marking-definition', 'identity', 'threat-actor', 'relationship', 'note', 'opinion', 'sighting', 'report']) expect(types, t).toContain(t);
    const taliban = bundle.objects.find((o) => o.type === 'threat-actor' && o['name'] === 'Taliban');
    expect(taliban).toBeDefined();
    const report = bundle.objects.find((o) => o.type === 'report');
    expect(report?.['object_refs']).toHaveLength(bundle.objects.length - 2); // all but the marking and itself
    const opinion = bundle.objects.find((o) => o.type === 'opinion' && String(o['explanation']).includes('contradicted at the time it was made'));
    expect(opinion?.['opinion']).toBe('strongly-disagree');
  });

  it('carries the tripwire alerts it is given as notes', async () => {
    const alerts = { alerts: [{ tripwire: 'tw-sanctioned-officeholder', kind: 'sanctioned_officeholder', periods: [], first: '2021-09-07', advice: 'check exemptions', officeholders: [{ name: 'Mohammad Hassan Akhund', role: 'Acting Prime Minister', matches: [{ list: 'un', ref: 'TAi.002' }] }] }] };
    const bundle = JSON.parse(String((await renderReport({ case: await bundledCase(), asOf: AS_OF, alerts }, 'stix')).body)) as Bundle;
    expect(stixProblems(bundle)).toEqual([]);
    const note = bundle.objects.find((o) => o['x_deeds_tripwire'] === 'tw-sanctioned-officeholder');
    expect(note?.['content']).toContain('Mohammad Hassan Akhund (Acting Prime Minister): un TAi.002');
  });

  it('carries confirmed sanctions matches as notes on the person, naming the list entry', async () => {
    const sanctions = { lists: [{ list: 'un', version: '2023-03-27' }], matches: [{ person: 'sirajuddin-haqqani', list: 'un', ref: 'TAi.144', name: 'Sirajuddin Jallaloudine Haqqani', listed: true, source: 'sanctions_refs' as const }] };
    const bundle = JSON.parse(String((await renderReport({ case: await bundledCase(), asOf: AS_OF, sanctions }, 'stix')).body)) as Bundle;
    expect(stixProblems(bundle)).toEqual([]);
    const note = bundle.objects.find((o) => o['x_deeds_entry'] === 'TAi.144');
    const person = bundle.objects.find((o) => o['x_deeds_id'] === 'sirajuddin-haqqani');
    expect(note).toMatchObject({ type: 'note', object_refs: [person?.id], external_references: [{ source_name: 'un', external_id: 'TAi.144' }], x_deeds_basis: 'case reference confirmed by the list' });
    expect(note?.['abstract']).toBe('Sanctions: Sirajuddin Haqqani is un entry TAi.144 (Sirajuddin Jallaloudine Haqqani)');
    expect(String(note?.['content'])).toMatch(/^Sirajuddin Haqqani \(.+\) is confirmed as entry TAi\.144 of the un list/);
    expect(bundle.objects.find((o) => o.type === 'report')?.['object_refs']).toContain(note?.id);
    // Without a loaded list there is nothing confirmed to export.
    const without = JSON.parse(await stix(await bundledCase())) as Bundle;
    expect(without.objects.some((o) => 'x_deeds_entry' in o)).toBe(false);
  });

  it('marks every object with the case TLP, using the standard TLP 2.0 marking definition', async () => {
    for (const [marking, id] of [['TLP:CLEAR', 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'], ['TLP:AMBER', 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'], ['TLP:RED', 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1']] as const) {
      const bundle = JSON.parse(await stix(hostileCase(marking))) as Bundle;
      expect(stixProblems(bundle)).toEqual([]);
      const markings = bundle.objects.filter((o) => o.type === 'marking-definition');
      expect(markings.map((m) => [m.id, m['name']])).toEqual([[id, marking]]);
      expect(STANDARD_TLP_IDS.has(id)).toBe(true);
      for (const o of bundle.objects.filter((x) => x.type !== 'marking-definition')) expect(o['object_marking_refs'], o.id).toEqual([id]);
    }
  });

  it('is byte-identical for the same case and date, and keeps object ids across dates', async () => {
    const c = await bundledCase();
    const first = await stix(c);
    expect(await stix(c)).toBe(first);
    const later = JSON.parse(await stix(c, '2024-01-01')) as Bundle;
    const earlier = JSON.parse(first) as Bundle;
    expect(later.id).not.toBe(earlier.id);
    const note = (b: Bundle) => b.objects.find((o) => o['x_deeds_id'] === 'ct-no-hosting');
    expect(note(later)?.id).toBe(note(earlier)?.id);
    expect(note(later)?.['modified']).toBe('2024-01-01T00:00:00.000Z');
    expect(note(earlier)?.['created']).toBe('2020-02-29T00:00:00.000Z');
  });

  it('is checked by schemas that catch what they should', () => {
    const broken = {
      type: 'bundle', id: 'bundle--3b0c6f8e-5d2a-4e71-9a4c-8f1d2e6b7c90',
      objects: [{ type: 'note', spec_version: '2.1', id: 'note--nope', created: '2020-01-01', modified: '2020-01-01T00:00:00.000Z', content: 'x', object_refs: ['identity--3b0c6f8e-5d2a-4e71-9a4c-8f1d2e6b7c90'], object_marking_refs: ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'] }],
    };
    const problems = stixProblems(broken).join('\n');
    expect(problems).toMatch(/^note--nope\/id must match pattern/m);
    expect(problems).toMatch(/^note--nope\/created must match pattern/m);
    expect(problems).toMatch(/object_refs: identity--.* is not in the bundle/);
    expect(problems).toMatch(/object_marking_refs: marking-definition--.* is not in the bundle/);
  });
});

describe('mayExport', () => {
  it('lets any role export below RED, and only the owner a TLP:RED case', () => {
    expect(mayExport('TLP:AMBER+STRICT', 'viewer')).toBe(true);
    expect(mayExport('TLP:RED', 'reviewer')).toBe(false);
    expect(mayExport('TLP:RED', 'owner')).toBe(true);
    expect(mayExport('TLP:CLEAR', null)).toBe(false);
  });
});
