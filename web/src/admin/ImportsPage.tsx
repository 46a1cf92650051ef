// Data imports for instance admins: upload a file (the bar shows the upload, then the import's
// own progress), and the results of this server's imports: what was added, changed, rejected.
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { useMe } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { Empty, ProblemMessage, QueryState } from '../ui/states';
import { AdminNav } from './AdminNav';
import { actorName, when, type ImportJob } from './types';
import { uploadFile } from './upload';

/** A kind of file the server imports, as `deeds import` lists it (the server's import registry). */
interface ImportKindOption { kind: string; description: string }

const plainName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[^A-Za-z0-9]+/, '').replace(/\.\.+/g, '.').slice(0, 200) || 'upload';

export function ImportsPage() {
  const me = useMe();
  const admin = me.data?.is_admin === true;
  const jobs = useQuery({
    queryKey: ['admin', 'imports'],
    queryFn: () => api<{ jobs: ImportJob[]; kinds: ImportKindOption[] }>('/api/imports'),
    enabled: admin,
    // While an import runs, ask again every second for its progress.
    refetchInterval: (q) => (q.state.data?.jobs.some((j) => j.status === 'running') ? 1000 : false),
  });
  return (
    <>
      <PageHeading title="Data imports" />
      <AdminNav />
      {me.data && !admin ? <Empty>Only instance admins import data.</Empty> : (
        <>
          <QueryState query={jobs} what="the imports">
            {(data) => (
              <>
                <Upload kinds={data.kinds} />
                {data.jobs.length === 0 ? <Empty>No import since this server started.</Empty> : (
                  <section aria-labelledby="import-results">
                    <h2 id="import-results">Imports since this server started</h2>
                    <ul className="plain">{data.jobs.map((j) => <JobResult key={j.id} job={j} />)}</ul>
                  </section>
                )}
              </>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}

function Upload({ kinds }: { kinds: ImportKindOption[] }) {
  const client = useQueryClient();
  const [kind, setKind] = useState<string>(kinds[0]?.kind ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ done: number; total: number } | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);

  // Follow the job this page started until it ends.
  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const timer = setTimeout(() => {
      api<ImportJob>(`/api/imports/${job.id}`).then(setJob, setError);
    }, 1000);
    return () => clearTimeout(timer);
  }, [job]);
  useEffect(() => {
    if (job && job.status !== 'running') void client.invalidateQueries({ queryKey: ['admin', 'imports'] });
  }, [job, client]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setJob(null);
    setSent({ done: 0, total: file.size });
    try {
      const started = await uploadFile<ImportJob>(`/api/imports/${encodeURIComponent(kind)}?name=${encodeURIComponent(plainName(file.name))}`, file, (done, total) => setSent({ done, total }));
      setJob(started);
      await client.invalidateQueries({ queryKey: ['admin', 'imports'] });
    } catch (err) {
      setError(err);
      setSent(null);
    }
  }

  const uploading = sent !== null && job === null && error === null;
  return (
    <section aria-labelledby="upload" className="panel">
      <h2 id="upload">Import a file</h2>
      <form onSubmit={submit}>
        <label htmlFor="import-kind">What the file is</label>
        <select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {kinds.map((k) => <option key={k.kind} value={k.kind}>{k.description}</option>)}
        </select>
        <label htmlFor="import-file">File (up to 512 MB)</label>
        <input id="import-file" type="file" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <div className="actions"><button type="submit" disabled={!file || uploading || job?.status === 'running'}>Upload and import</button></div>
      </form>
      {sent && !job && (
        <div>
          <label htmlFor="upload-progress">Uploading {file?.name}</label>
          <progress id="upload-progress" max={sent.total || 1} value={sent.done}>{percent(sent.done, sent.total)}</progress>
          <span className="small"> {percent(sent.done, sent.total)}</span>
        </div>
      )}
      {job && <ul className="plain"><JobResult job={job} live /></ul>}
      <ProblemMessage error={error} action="The import" />
    </section>
  );
}

const percent = (done: number, total: number) => `${total > 0 ? Math.round((100 * done) / total) : 0} %`;

function JobResult({ job, live = false }: { job: ImportJob; live?: boolean }) {
  const id = `job-${job.id}${live ? '-live' : ''}`;
  return (
    <li className="screen-result" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{job.file_name} <span className="small">({job.kind}, by {actorName(`user:${job.started_by}`)}, {when(job.started_at)})</span></h3>
      {job.status === 'running' && (
        <div>
          <label htmlFor={`${id}-bar`}>Importing{job.progress.total ? `: ${job.progress.done.toLocaleString()} of ${job.progress.total.toLocaleString()}` : ''}</label>
          <progress id={`${id}-bar`} max={job.progress.total || 1} value={job.progress.total ? job.progress.done : undefined} />
        </div>
      )}
      {job.status === 'failed' && <p className="problem" role="alert">Failed: {job.error}</p>}
      {job.status === 'done' && job.summary && <Summary summary={job.summary} />}
    </li>
  );
}

/** The import's summary: its counts in a table, its rejects (if any) listed. */
function Summary({ summary }: { summary: Record<string, unknown> }) {
  const counts = Object.entries(summary).filter(([, v]) => typeof v === 'number' || typeof v === 'string');
  const rejects = Array.isArray(summary['rejects']) ? (summary['rejects'] as unknown[]) : [];
  return (
    <>
      <p role="status">Done.</p>
      <dl className="facts-grid">
        {counts.map(([k, v]) => <div key={k} style={{ display: 'contents' }}><dt>{k.replace(/_/g, ' ')}</dt><dd>{typeof v === 'number' ? v.toLocaleString() : String(v)}</dd></div>)}
      </dl>
      {rejects.length > 0 && (
        <details>
          <summary>{rejects.length} records rejected</summary>
          <ul>{rejects.map((r, i) => <li key={i}>{typeof r === 'object' && r ? Object.values(r).join(': ') : String(r)}</li>)}</ul>
        </details>
      )}
    </>
  );
}
