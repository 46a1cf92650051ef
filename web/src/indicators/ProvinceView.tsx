// Provinces: a table (sortable by total) and a tile grid whose shade follows the total; every
// tile prints its number, so the shade is never the only carrier of the value.
import { useState } from 'react';

interface Props {
  provinces: { key: string; label: string; values: number[] }[];
  periods: string[];
}

export function ProvinceView({ provinces, periods }: Props) {
  const [view, setView] = useState<'tiles' | 'table'>('tiles');
  const rows = provinces.map((p) => ({ ...p, total: p.values.reduce((a, b) => a + b, 0), last: p.values.at(-1) ?? 0 })).sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  const max = Math.max(1, ...rows.map((r) => r.total));
  return (
    <div className="provinces">
      <h3>By province</h3>
      <div role="group" aria-label="Province view" className="toggle">
        <button type="button" aria-pressed={view === 'tiles'} onClick={() => setView('tiles')}>Tiles</button>
        <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>Table</button>
      </div>
      {view === 'tiles' ? (
        <ul className="tiles">
          {rows.map((r) => {
            const share = r.total / max;
            return (
              <li key={r.key} className={`tile ${share > 0.5 ? 'tile-dark' : ''}`} style={{ background: `rgba(185, 28, 28, ${0.08 + share * 0.85})` }}>
                <span className="tile-name">{r.label}</span>
                <span className="tile-value">{r.total}</span>
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="table-scroll">
          <table>
            <thead><tr><th scope="col">Province</th><th scope="col" className="num">Total</th><th scope="col" className="num">Last period ({periods.at(-1)})</th></tr></thead>
            <tbody>{rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th><td className="num">{r.total}</td><td className="num">{r.last}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}
