// What an indicator cannot honestly show from the event files that were imported. A sample or a
// reduced extract is not the release: its counts are the sample's, not the number of events that
// happened. And a filter on a column that no imported file has (actors, provinces…) matches
// nothing, so its "series" would be a line of zeros that nobody observed: better no series and
// a sentence saying why.
// Pure: the caller reads the import records (case-indicators.ts) and passes them in.
import type { Indicator } from '../case/schema.js';

/** One import of a dataset, as the store records it (event_imports). */
export interface ImportedFile {
  dataset: string;
  file_name: string;
  /** The file's header. */
  columns: readonly string[];
  rows_read: number;
}

export interface DataCaveats {
  /** Set when the indicator cannot be computed from these files: the reason, instead of a series. */
  blocking: string | null;
  /** Things a reader of the series must know (a sample, files without a filtered column). */
  notes: string[];
}

/** The columns (any of them) that each part of a filter or measure reads, in every format the readers accept. */
const NEEDS: ReadonlyArray<{ what: string; applies: (i: Indicator) => boolean; columns: readonly string[] }> = [
  { what: 'actor (actors_any)', applies: (i) => (i.filter?.actors_any?.length ?? 0) > 0, columns: ['side_a', 'side_a_name', 'side_b', 'side_b_name', 'side_a_new_id', 'side_b_new_id', 'actor1', 'actor2'] },
  { what: 'province (admin1)', applies: (i) => (i.filter?.admin1?.length ?? 0) > 0, columns: ['adm_1', 'location_adm1_name', 'admin1'] },
  { what: 'type of violence (violence_types)', applies: (i) => (i.filter?.violence_types?.length ?? 0) > 0, columns: ['type_of_violence'] },
  { what: 'event type (event_types)', applies: (i) => (i.filter?.event_types?.length ?? 0) > 0, columns: ['event_type'] },
  { what: 'civilian deaths (measure civilian_fatalities)', applies: (i) => i.measure === 'civilian_fatalities', columns: ['deaths_civilians', 'deaths_civilian', 'civilian_deaths', 'civilian_targeting'] },
];

/** Columns of the full UCDP GED release that the reduced extracts found in the wild drop. */
const GED_RELEASE_COLUMNS = ['relid', 'side_a', 'side_b', 'where_prec', 'date_prec'];

const has = (f: ImportedFile, columns: readonly string[]) => f.columns.some((c) => columns.includes(c.trim().toLowerCase()));
const describe = (f: ImportedFile) => `${f.file_name} (${f.columns.length} columns, ${f.rows_read.toLocaleString('en')} rows)`;

/** Whether a file is a sample or an extract rather than the dataset's release. */
function sampleReason(dataset: string, f: ImportedFile): string | null {
  if (/sample|subset|extract/i.test(f.file_name)) return 'its name says it is a sample';
  if (dataset === 'ucdp-ged') {
    const missing = GED_RELEASE_COLUMNS.filter((c) => !has(f, [c]));
    if (missing.length > 0) return `it lacks columns of the GED release (${missing.join(', ')})`;
  }
  return null;
}

/** The caveats of one indicator over the files imported for its dataset. */
export function dataCaveats(indicator: Indicator, imported: readonly ImportedFile[]): DataCaveats {
  const files = imported.filter((f) => f.dataset === indicator.dataset);
  const out: DataCaveats = { blocking: null, notes: [] };
  if (files.length === 0) return out;
  for (const need of NEEDS) {
    if (!need.applies(indicator)) continue;
    const lacking = files.filter((f) => !has(f, need.columns));
    if (lacking.length === files.length) {
      out.blocking = `this indicator selects by ${need.what}, but no imported ${indicator.dataset} file has such a column (${files.map(describe).join('; ')}); `
        + 'a line of zeros would claim that nothing happened, so no series is drawn. Import a file with the column (for UCDP GED, the full release).';
      return out;
    }
    if (lacking.length > 0) out.notes.push(`only ${files.length - lacking.length} of ${files.length} imported ${indicator.dataset} files have a column for ${need.what}: events from ${lacking.map((f) => f.file_name).join(', ')} are never counted here`);
  }
  const samples = files.flatMap((f) => {
    const why = sampleReason(indicator.dataset, f);
    return why ? [`${describe(f)}: ${why}`] : [];
  });
  if (samples.length > 0) {
    out.notes.push(`the ${indicator.dataset} events come from ${samples.length === files.length ? 'a sample' : `${samples.length} of ${files.length} imported files that are samples`}, not the full release (${samples.join('; ')}): `
      + 'the counts are those of the sample, not the number of events that happened, and a rise or fall may be the sampling');
  }
  return out;
}

/** A stored import's header (JSON text) as a list of column names; nothing for anything else. */
export function parseColumns(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}
