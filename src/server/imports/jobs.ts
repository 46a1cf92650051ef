// Long imports run as jobs: the upload returns at once with a job id, and the client polls the
// job for progress and, at the end, the import's summary. Jobs live in memory; the imported data
// and its provenance are in the store, so a restart loses only the progress reports.
import { randomBytes } from 'node:crypto';
import type { ImportSummary } from '../../import/index.js';

export type JobStatus = 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: string;
  file_name: string;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  status: JobStatus;
  progress: { done: number; total: number };
  summary: ImportSummary | null;
  error: string | null;
}

/** Finished jobs kept for polling; the oldest go first. */
const KEEP_FINISHED = 200;
/** Rejects reported in a job; the import's own summary on the command line lists them all. */
const SHOWN_REJECTS = 100;

export class Jobs {
  private readonly jobs = new Map<string, Job>();

  start(kind: string, fileName: string, startedBy: string, work: (onProgress: (done: number, total: number) => void) => Promise<ImportSummary>): Job {
    const job: Job = {
      id: randomBytes(8).toString('hex'), kind, file_name: fileName, started_by: startedBy,
      started_at: new Date().toISOString(), finished_at: null, status: 'running', progress: { done: 0, total: 0 }, summary: null, error: null,
    };
    this.jobs.set(job.id, job);
    work((done, total) => {
      job.progress = { done, total };
    }).then((summary) => {
      job.summary = { ...summary, rejects: summary.rejects.slice(0, SHOWN_REJECTS) };
      job.status = 'done';
    }, (err: unknown) => {
      job.error = err instanceof Error ? err.message : String(err);
      job.status = 'failed';
    }).finally(() => {
      job.finished_at = new Date().toISOString();
      this.forgetOld();
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  list(): Job[] {
    return [...this.jobs.values()].reverse();
  }

  /** Resolves once every running job has finished (for shutdown and tests). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.status === 'running')) await new Promise((r) => setTimeout(r, 20));
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(old.id);
  }
}
