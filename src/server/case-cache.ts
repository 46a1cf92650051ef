// Assessing a case starts by reading it from the store and indexing it (prepareCase), which
// costs far more than the assessment itself. Every write to a case appends to the audit log,
// so the audit head's sequence number tells whether a cached copy is still current.
import type { CaseFile } from '../case/schema.js';
import { assessPrepared, prepareCase, type Assessment, type PreparedCase } from '../assess/index.js';
import { getCase } from '../store/cases.js';
import type { Store } from '../store/open.js';

interface Entry {
  seq: number;
  c: CaseFile;
  prepared: PreparedCase;
  /** Assessments by as-of date: dashboards and assessments are asked for the same few dates. */
  assessments: Map<string, Assessment>;
}

/** Holds a few cases; one server rarely serves more at once. */
const CAPACITY = 16;
const ASSESSMENTS_PER_CASE = 64;

export class CaseCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly store: Store) {}

  /** The assessment at `asOf` (the engine's errors pass through); undefined when there is no such case. */
  async assessment(caseId: string, asOf: string): Promise<{ c: CaseFile; assessment: Assessment } | undefined> {
    const entry = await this.get(caseId);
    if (!entry) return undefined;
    let assessment = entry.assessments.get(asOf);
    if (!assessment) {
      assessment = assessPrepared(entry.prepared, asOf);
      if (entry.assessments.size >= ASSESSMENTS_PER_CASE) entry.assessments.clear();
      entry.assessments.set(asOf, assessment);
    }
    return { c: entry.c, assessment };
  }

  async get(caseId: string): Promise<Entry | undefined> {
    const seq = await this.auditSeq();
    const hit = this.entries.get(caseId);
    if (hit && hit.seq === seq) return hit;
    const c = await getCase(this.store, caseId);
    if (!c) {
      this.entries.delete(caseId);
      return undefined;
    }
    const entry: Entry = { seq, c, prepared: prepareCase(c), assessments: new Map() };
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  private async auditSeq(): Promise<number> {
    const head = await this.store.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
    return Number(head?.seq ?? 0);
  }
}
