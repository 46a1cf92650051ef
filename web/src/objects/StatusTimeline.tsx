// An object's status over time (GET …/timeline/:object) as a step chart, the decisive items of
// each change marked on it, and the same changes as a table for reading and for screen readers.
import { useMemo, useState } from 'react';
import { useTimeline } from '../api/queries';
import type { Timeline } from '../api/types';
import { LazyChart } from '../charts/LazyChart';
import { statusWords } from '../ui/StatusBadge';
import { QueryState } from '../ui/states';
import { shortLabel } from '../ui/labels';
import { useNames } from '../app/names';

// Bottom to top: worst to best, so a line going down reads as things getting worse.
const scale = ['not_yet_made', 'not_yet_set', 'unknown', 'unverified', 'unsupported', 'broken', 'not_met', 'contradicted', 'withhold', 'at_risk', 'blocked', 'review', 'partly_kept', 'partly_met', 'disputed', 'kept', 'met', 'supported', 'release'];
const DAY = 86_400_000;
/** A point's size says how sure the judgement is. */
const symbolSize: Record<string, number> = { low: 5, moderate: 8, high: 12 };

export function StatusTimeline({ caseId, objectId, asOf }: { caseId: string; objectId: string; asOf: string }) {
  const [step, setStep] = useState<'month' | 'week'>('month');
  // The timeline runs to the page's as-of date, not to the case's last event.
  const timeline = useTimeline(caseId, objectId, { step, to: asOf });
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">Status over time</h2>
      <label className="inline">Step{' '}
        <select value={step} onChange={(e) => setStep(e.target.value as 'month' | 'week')}>
          <option value="month">month</option>
          <option value="week">week</option>
        </select>
      </label>
      <QueryState query={timeline} what="the timeline">
        {(t) => <TimelineView timeline={t} asOf={asOf} caseId={caseId} />}
      </QueryState>
    </section>
  );
}

function TimelineView({ timeline, asOf, caseId }: { timeline: Timeline; asOf: string; caseId: string }) {
  const name = useNames(caseId);
  // An item by its words, its id after them (the id alone until the case has loaded).
  const item = (id: string) => (name(id) === id ? id : `“${shortLabel(name(id), 60)}” ${id}`);
  const option = useMemo(() => chartOption(timeline, asOf), [timeline, asOf]);
  return (
    <>
      <LazyChart option={option} label={`Status of ${timeline.object.id} from ${timeline.from} to ${timeline.to}; ${timeline.changes.length} change(s), listed in the table below`} testId="status-timeline" />
      <p className="small">Larger points: higher confidence (low, moderate, high).</p>
      {timeline.changes.length === 0 ? <p className="muted">The status did not change between {timeline.from} and {timeline.to}.</p> : (
        <div className="table-scroll">
          <table>
            <caption>Changes of status and the items that decided them</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Change</th><th scope="col">Decisive items (entered)</th><th scope="col">Left / other causes</th></tr></thead>
            <tbody>
              {timeline.changes.map((c) => (
                <tr key={c.date + c.to}>
                  <td>{c.date.slice(0, 10)}</td>
                  <td>{statusWords(c.from)} → <strong>{statusWords(c.to)}</strong>{c.confidence ? ` (${c.confidence})` : ''}<div className="small">{c.rule}</div></td>
                  <td>{c.entered.length ? c.entered.map((e) => `${item(e.id)} (${e.grade}, ${e.stance === 'contradicts' ? '−' : '+'}${e.weight})`).join('; ') : '—'}</td>
                  <td>{[...c.left.map((e) => `${item(e.id)} stopped counting`), ...c.events].join('; ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function chartOption(t: Timeline, asOf: string) {
  const used = new Set([...t.points.map((p) => p.status), ...t.changes.flatMap((c) => [c.from, c.to])]);
  const categories = scale.filter((s) => used.has(s)).concat([...used].filter((s) => !scale.includes(s)));
  const data: { value: [string, string]; symbolSize: number; confidence: string | null }[] = t.points.map((p) => ({ value: [p.date.slice(0, 10), p.status], symbolSize: symbolSize[p.confidence ?? ''] ?? 4, confidence: p.confidence }));
  // Changes fall between sample points; add them so the steps happen on the right day.
  for (const c of t.changes) data.push({ value: [c.date.slice(0, 10), c.to], symbolSize: symbolSize[c.confidence ?? ''] ?? 4, confidence: c.confidence });
  data.sort((a, b) => a.value[0].localeCompare(b.value[0]));
  // A range of one day would be drawn with hour ticks: show at least a month around it.
  const first = Date.parse(`${t.from.slice(0, 10)}T00:00:00Z`);
  const last = Date.parse(`${t.to.slice(0, 10)}T00:00:00Z`);
  const span = last - first < 30 * DAY ? { min: last - 30 * DAY, max: last + DAY } : { min: first, max: last };
  const markers = t.changes.map((c) => ({
    coord: [c.date.slice(0, 10), c.to],
    value: c.entered.length ? `${c.entered.length}` : '•',
    name: `${c.date.slice(0, 10)}: ${statusWords(c.from)} → ${statusWords(c.to)}${c.entered.length ? `; decisive: ${c.entered.map((e) => `${e.id} (${e.grade}, ${e.weight})`).join(', ')}` : ''}`,
  }));
  return {
    grid: { left: 110, right: 72, top: 24, bottom: 40 },
    tooltip: { trigger: 'item', confine: true, formatter: (p: { data?: { value?: [string, string]; confidence?: string | null }; name?: string }) => p.data?.value ? `${p.data.value[0]}: ${statusWords(p.data.value[1])}${p.data.confidence ? ` (${p.data.confidence} confidence)` : ''}` : p.name ?? '' },
    xAxis: { type: 'time', min: span.min, max: span.max, minInterval: DAY },
    yAxis: { type: 'category', data: categories, axisLabel: { formatter: (v: string) => statusWords(v) } },
    series: [{
      type: 'line', step: 'end', data, showSymbol: true, symbol: 'circle', itemStyle: { color: '#1d4ed8' }, lineStyle: { width: 3, color: '#1d4ed8' },
      markPoint: { symbol: 'pin', symbolSize: 38, itemStyle: { color: '#b45309' }, label: { color: '#fff' }, data: markers, tooltip: { formatter: (p: { name: string }) => p.name } },
      markLine: { symbol: 'none', silent: true, lineStyle: { color: '#111827', type: 'dashed' }, label: { formatter: `as of ${asOf}` }, data: [{ xAxis: asOf }] },
    }],
  };
}
