// Assessing a case starts by reading it from the store and indexing it (prepareCase), which
// costs far more than the assessment itself. Every write to a case appends to the audit log,
// so the audit head's sequence number tells whether a cached copy is still current.
import type { CaseFile } from '../case/schema.js';
import { createHash } from 'node:crypto';
import { prepareCase, type PreparedCase } from '../assess/index.js';
import { getCase } from '../store/cases.js';
import type { Store } from '../store/open.js';

interface Entry {
  seq: number;
  c: CaseFile;
  prepared: PreparedCase;
  /** Response bodies by route and as-of date: dashboards are asked for the same few dates. */
  responses: Map<string, CachedBody>;
}

export interface CachedBody {
  /** JSON, serialised once. */
  body: string;
  etag: string;
}

/** Holds a few cases; one server rarely serves more at once. */
const CAPACITY = 16;
const RESPONSES_PER_CASE = 128;

export class CaseCache {
  private readonly entries = new Map<string, Entry>();
  /** Reads under way, by case and audit sequence: requests that miss together wait for one read. */
  private readonly loading = new Map<string, Promise<Entry | undefined>>();
  /** The read of the audit head under way, and the one that starts when it ends (see auditSeq). */
  private seqRead: Promise<number> | undefined;
  private nextSeqRead: Promise<number> | undefined;

  constructor(private readonly store: Store) {}

  /**
   * The JSON body `compute` gives for this case, made once per version of the case and `key`
   * (errors thrown by `compute` pass through and nothing is kept); undefined when there is no
   * such case.
   */
  async json(caseId: string, key: string, compute: (c: CaseFile, prepared: PreparedCase) => unknown): Promise<CachedBody | undefined> {
    const entry = await this.entry(caseId);
    if (!entry) return undefined;
    let cached = entry.responses.get(key);
    if (!cached) {
      const body = JSON.stringify(compute(entry.c, entry.prepared));
      cached = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      if (entry.responses.size >= RESPONSES_PER_CASE) entry.responses.clear();
      entry.responses.set(key, cached);
    }
    return cached;
  }

  async get(caseId: string): Promise<{ c: CaseFile; prepared: PreparedCase } | undefined> {
    return this.entry(caseId);
  }

  private async entry(caseId: string): Promise<Entry | undefined> {
    const seq = await this.auditSeq();
    const hit = this.entries.get(caseId);
    if (hit && hit.seq === seq) return hit;
    // After a write, every reader of the case misses at once; one of them reads and prepares it.
    const key = `${seq}\u0000${caseId}`;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(caseId, seq).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async load(caseId: string, seq: number): Promise<Entry | undefined> {
    const c = await getCase(this.store, caseId);
    if (!c) {
      this.entries.delete(caseId);
      return undefined;
    }
    const entry: Entry = { seq, c, prepared: prepareCase(c), responses: new Map() };
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  /**
   * The audit head's sequence number, read at or after the time of the call. Fifty readers at once
   * would each read it; instead, a call joins the read that starts next (never one already under
   * way, which might have missed a write that ended just before the call), so there is one read
   * under way and at most one waiting, whatever the number of readers.
   */
  private auditSeq(): Promise<number> {
    if (!this.seqRead) return (this.seqRead = this.readSeq());
    this.nextSeqRead ??= this.seqRead.then(ignore, ignore).then(() => {
      this.nextSeqRead = undefined;
      return (this.seqRead = this.readSeq());
    });
    return this.nextSeqRead;
  }

  private readSeq(): Promise<number> {
    const read: Promise<number> = this.store.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst()
      .then((head) => Number(head?.seq ?? 0))
      .finally(() => {
        if (this.seqRead === read) this.seqRead = undefined;
      });
    return read;
  }
}

const ignore = (): void => undefined;
