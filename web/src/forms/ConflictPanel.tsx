// Someone else saved the object after it was opened here: both versions side by side, every
// field that differs marked, and two conscious choices — take theirs (dropping these edits) or
// overwrite theirs with these edits.
import { labelOf } from './schema';

type Obj = Record<string, unknown>;

const shown = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v, null, 1));

export function ConflictPanel({ mine, theirs, onTakeTheirs, onOverwrite }: { mine: Obj; theirs: Obj; onTakeTheirs: () => void; onOverwrite: () => void }) {
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])];
  const differs = (k: string) => shown(mine[k]) !== shown(theirs[k]);
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone else changed this</h2>
      <p>It was saved by someone else after you opened it, so your changes were not saved. Compare both versions, then choose.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Both versions, scrolls sideways">
        <table>
          <caption>Their version (saved now) and yours (not saved); differing fields are marked ≠</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Theirs (saved)</th><th scope="col">Yours (not saved)</th></tr></thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} className={differs(k) ? 'differs' : undefined}>
                <th scope="row">{labelOf(k)}{differs(k) && <strong> ≠</strong>}</th>
                <td><pre>{shown(theirs[k])}</pre></td>
                <td><pre>{shown(mine[k])}</pre></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onTakeTheirs}>Reload their version (drop my changes)</button>
        <button type="button" className="danger" onClick={onOverwrite}>Overwrite with my version</button>
      </div>
    </section>
  );
}
