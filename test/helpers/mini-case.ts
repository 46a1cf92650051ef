// A small valid case, as parsed data, for store and CLI tests.
import type { CaseFile as CaseFileType } from '../../src/case/schema.js';
import { caseFromData } from '../../src/case/from-data.js';

export function miniCase(overrides: Partial<Record<keyof CaseFileType, unknown>> = {}): CaseFileType {
  return caseFromData({
    case: { id: 'mini', title: 'A small case', subject: 'taliban', period: { start: '2020-02-29' }, 'x-owner': 'desk' },
    assessment: { thresholds: { kept: 2 } },
    actors: [
      { id: 'taliban', kind: 'armed_group', name: 'Taliban', aliases: ['Islamic Emirate of Afghanistan'] },
      { id: 'united-states', kind: 'state', name: 'United States', country: 'US' },
      { id: 'a-minister', kind: 'person', name: 'A Minister', birth_date: 1973, sanctions_refs: ['TAi.999'] },
    ],
    relationships: [{ id: 'rel-office', from: 'a-minister', to: 'taliban', type: 'holds_office', role: 'Minister', since: '2021-09-07' }],
    sources: [
      { id: 'doha', kind: 'agreement', title: 'Agreement for Bringing Peace to Afghanistan', date: '2020-02-29', reliability: 'A' },
      { id: 'report', kind: 'report', title: 'A report', date: '2021-06', reliability: 'B' },
    ],
    commitments: [{ id: 'ct-soil', by: 'taliban', source: 'doha', ref: 'Part Two, clause 1', made: '2020-02-29', category: 'counterterrorism', kind: 'prohibition', text: 'no use of soil' }],
    conditions: [{ id: 'cond-ct', set_by: ['united-states'], category: 'counterterrorism', text: 'break with al-Qaida', requires: ['ct-soil'] }],
    leverage: [{ id: 'lev-assets', held_by: 'united-states', kind: 'asset_release', text: 'reserves', gated_by: ['cond-ct'], decisions: [{ date: '2022-09-14', action: 'partly_released' }] }],
    positions: [{ party: 'united-states', condition: 'cond-ct', stance: 'requires' }],
    evidence: [
      { id: 'ev-1', source: 'report', observed: { from: '2020-05-01', to: '2021-04-30' }, credibility: 2, summary: 'ties persist', bears_on: [{ target: 'ct-soil', stance: 'contradicts', strength: 'strong' }], 'x-analyst': 'kb' },
      { id: 'ev-2', source: 'doha', observed: { from: '2020-02-29' }, credibility: 1, summary: 'signed', bears_on: [{ target: 'ct-soil', stance: 'context' }] },
    ],
    claims: [{ id: 'claim-1', by: 'united-states', made: '2020-03-02', source: 'doha', text: 'a break', asserts: { target: 'ct-soil', status: 'kept' } }],
    hypotheses: [{ id: 'h', question: 'Changed?', options: [{ id: 'h-yes', text: 'yes' }, { id: 'h-no', text: 'no' }], ratings: [{ evidence: 'ev-1', option: 'h-yes', rating: 'II' }] }],
    ...overrides,
  });
}
