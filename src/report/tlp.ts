// Traffic Light Protocol 2.0: who may export a case, and the standard STIX marking definitions
// (OASIS cti-stix-common-objects, TLP 2.0 extension) that an export must carry.
import type { CaseHeader } from '../case/schema.js';

export type Marking = CaseHeader['marking'];
export type ExportRole = 'viewer' | 'analyst' | 'reviewer' | 'owner';

/**
 * Whether someone holding `role` on a case may export (report, STIX, CSV) it. Any role may
 * export a case marked CLEAR, GREEN or AMBER(+STRICT); a TLP:RED case only its owner, since RED
 * information is for named recipients only. No role, no export.
 */
export function mayExport(marking: string, role: ExportRole | null | undefined): boolean {
  if (!role) return false;
  return marking === 'TLP:RED' ? role === 'owner' : true;
}

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const markingIds: Record<Marking, string> = {
  'TLP:CLEAR': 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'TLP:GREEN': 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'TLP:AMBER': 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'TLP:AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'TLP:RED': 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export const STANDARD_TLP_IDS: ReadonlySet<string> = new Set(Object.values(markingIds));

/** The marking-definition object of a TLP level, exactly as OASIS publishes it. */
export function tlpMarkingDefinition(marking: Marking): Record<string, unknown> & { id: string } {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: markingIds[marking],
    created: '2022-10-01T00:00:00.000Z',
    name: marking,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: marking.slice(4).toLowerCase() } },
  };
}

/** What the briefing's banner says a recipient may do with it (FIRST TLP 2.0 definitions). */
export const TLP_HANDLING: Record<Marking, string> = {
  'TLP:CLEAR': 'Recipients may share this information without restriction.',
  'TLP:GREEN': 'Limited disclosure: recipients may share it within their community, not publicly.',
  'TLP:AMBER': 'Limited disclosure: recipients may share it only within their organisation and its clients, on a need-to-know basis.',
  'TLP:AMBER+STRICT': 'Limited disclosure: recipients may share it only within their own organisation, on a need-to-know basis.',
  'TLP:RED': 'For the eyes of the named recipients only: no further disclosure.',
};
