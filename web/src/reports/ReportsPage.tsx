// Reports and exports for the as-of date. Downloads go through fetch so that a failure shows
// the API's problem message in words instead of a broken download.
import { useState } from 'react';
import { rawRequest } from '../api/client';
import { casePath } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useCaseId } from '../app/caseContext';
import { useAsOf } from '../asof/asOf';
import { ProblemMessage } from '../ui/states';

const formats = [
  { format: 'html', label: 'Briefing (HTML)', ext: 'html' },
  { format: 'pdf', label: 'Briefing (PDF)', ext: 'pdf' },
  { format: 'md', label: 'Briefing (Markdown)', ext: 'md' },
  { format: 'stix', label: 'STIX 2.1 bundle', ext: 'json' },
  { format: 'csv', label: 'CSV export', ext: 'csv' },
] as const;

export function ReportsPage() {
  const caseId = useCaseId();
  const { asOf } = useAsOf();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ format: string; error: unknown } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The last review: briefings then add what changed since it.
  const [since, setSince] = useState('');

  async function download(format: string, ext: string) {
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      const response = await rawRequest(`${casePath(caseId)}/report?format=${format}&as_of=${asOf}${since ? `&since=${since}` : ''}`);
      const blob = await response.blob();
      const named = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = named ?? `${caseId}-${asOf}.${ext}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setDone(a.download);
    } catch (err) {
      setError({ format, error: err });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeading title="Reports and exports" />
      <p>Everything is produced for the as-of date <strong>{asOf}</strong>, using only what was recorded by then.</p>
      <p>
        <label htmlFor="report-since">Last review (optional)</label>{' '}
        <input id="report-since" type="date" value={since} max={asOf} onChange={(e) => setSince(e.target.value)} aria-describedby="report-since-note" />
        <span id="report-since-note" className="small"> With a date, briefings add what changed since then.</span>
      </p>
      <ul className="report-buttons">
        {formats.map((f) => (
          <li key={f.format}>
            <button type="button" onClick={() => void download(f.format, f.ext)} disabled={busy !== null}>
              {busy === f.format ? `Preparing ${f.label}…` : `Download ${f.label}`}
            </button>
          </li>
        ))}
      </ul>
      {done && <p role="status" className="notice">Downloaded {done}.</p>}
      {error && <ProblemMessage error={error.error} action={`The ${error.format} report`} />}
    </>
  );
}
