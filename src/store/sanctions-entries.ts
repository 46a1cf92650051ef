// A sanctions list entry as the store keeps it (JSON in sanctions_entries.data): the one shape
// every list reader produces, whatever the source format, so that the matcher, the store and the
// diff never need to know where an entry came from. src/sanctions re-exports these names.

/** Short list keys used in results and decisions: `un`, `ofac`, `opensanctions`. */
export type ListKey = string;

export type EntrySchema = 'person' | 'entity' | 'vessel' | 'aircraft';

export type NameKind = 'primary' | 'alias' | 'original_script' | 'weak_alias' | 'former';

export interface EntryName {
  name: string;
  kind: NameKind;
  /** The list's own grading where it has one (UN `Good`/`Low`, OFAC `strong`/`weak`). */
  quality?: string;
}

/**
 * A date of birth as lists give it: a full or partial date, or a span of years. `approx` marks
 * UN "APPROXIMATELY" and OFAC "circa"; such a year is compared as a one-year-wide margin.
 */
export interface BirthDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  from_year?: number;
  to_year?: number;
  approx?: boolean;
}

export interface SanctionsEntry {
  ref: string;
  schema: EntrySchema;
  /** The list's own spelling of the main name (UN: the name parts joined; OFAC: SDN_Name). */
  name: string;
  names: EntryName[];
  birth: BirthDate[];
  /** ISO 3166-1 alpha-2 codes; nationality and citizenship as the list states them. */
  nationality: string[];
  programs: string[];
  listed_on?: string;
  /** Free text the list attaches (UN COMMENTS1, OFAC remarks), kept for the analyst. */
  remarks?: string;
  /**
   * The source lists an aggregated entry comes from (OpenSanctions FtM `datasets`: eu_fsf,
   * gb_hmt_sanctions, un_sc_sanctions …), so that screening can be limited to chosen lists.
   */
  datasets?: string[];
}
