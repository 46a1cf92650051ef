// Indicators: one chart per series (GET …/indicators) with the talks period, the baselines and
// the tripwire firings (GET …/alerts) marked, and a province view (table and tile grid).
import { useMemo } from 'react';
import { isNotFound } from '../api/client';
import { useAlerts, useCase, useIndicators } from '../api/queries';
import type { Alert, IndicatorSeries, Tripwire } from '../api/types';
import { PageHeading } from '../app/Layout';
import { useCaseId } from '../app/caseContext';
import { useAsOf } from '../asof/asOf';
import { LazyChart } from '../charts/LazyChart';
import { Empty, Loading, ProblemMessage } from '../ui/states';
import { ProvinceView } from './ProvinceView';

export function IndicatorsPage() {
  const caseId = useCaseId();
  const { asOf } = useAsOf();
  const indicators = useIndicators(caseId, asOf);
  const alerts = useAlerts(caseId, asOf);
  const c = useCase(caseId);
  const tripwires = c.data?.tripwires ?? [];
  return (
    <>
      <PageHeading title="Indicators" />
      {indicators.isPending ? <Loading what="Loading indicators" />
        : indicators.error ? (isNotFound(indicators.error)
          ? <Empty>Indicators are not available from this server yet (the route answered 404). Import event data and define indicators in the case to see them here.</Empty>
          : <ProblemMessage error={indicators.error} action="Loading indicators" />)
        : indicators.data.indicators.length === 0
          ? <Empty>This case defines no indicators. Add an <code>indicators:</code> list to the case and import UCDP GED or ACLED events.</Empty>
          : indicators.data.indicators.map((s) => (
            <Series key={s.id} series={s} tripwires={tripwires.filter((t) => t.indicator === s.id)} alerts={(alerts.data?.alerts ?? []).filter((a) => a.indicator === s.id || tripwires.some((t) => t.id === a.tripwire && t.indicator === s.id))} />
          ))}
      <AlertList alerts={alerts} />
    </>
  );
}

export function Series({ series, tripwires, alerts }: { series: IndicatorSeries; tripwires: Tripwire[]; alerts: Alert[] }) {
  const option = useMemo(() => seriesOption(series, tripwires, alerts), [series, tripwires, alerts]);
  const caveats = series.caveats ?? [];
  const title = `${series.id}: ${series.measure.replace(/_/g, ' ')} per ${series.period} (${series.dataset}${caveats.length ? ', sample data' : ''})`;
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {caveats.map((c) => <p key={c} className="caveat" role="note"><strong>Caveat:</strong> {c}.</p>)}
      {series.note && <p className="muted">{series.note}</p>}
      {series.periods.length === 0 ? <Empty>{series.note ? 'No series is drawn for this indicator (see the note above).' : 'No data for this indicator.'}</Empty> : (
        <>
          <LazyChart option={option} label={`${title}, total ${series.total}; ${alerts.length} tripwire(s) firing${caveats.length ? `; caveat: ${caveats.join('; ')}` : ''}`} height={300} />
          <p className="small">
            Total {series.total}{series.coverage ? ` · data covers ${series.coverage.from} to ${series.coverage.to}` : ''}.
            {' '}{legendOf(tripwires, alerts)}
          </p>
          {series.breakdowns?.province && <ProvinceView provinces={series.breakdowns.province} periods={series.periods} />}
        </>
      )}
    </section>
  );
}

/** The period label that holds a date, for marking ranges on a category axis. */
function labelAt(series: IndicatorSeries, date: string | null | undefined, fallback: 'first' | 'last'): string | undefined {
  if (!date) return fallback === 'last' ? series.periods.at(-1) : series.periods[0];
  // Case dates may be partial (2020, 2020-03): they mean the first day of that year or month.
  const day = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10);
  let idx = series.starts.findIndex((s) => s > day) - 1;
  if (idx === -2) idx = series.starts.length - 1;
  return series.periods[Math.max(0, idx)];
}

function legendOf(tripwires: Tripwire[], alerts: Alert[]): string {
  const parts = [
    tripwires.some((t) => t.baseline) && 'grey band: baseline period',
    tripwires.some((t) => t.active) && 'blue band: talks / active period',
    alerts.some((a) => typeof a.baseline === 'number') && 'dashed line: baseline level',
    alerts.length > 0 && `red pins: tripwire firings (${alerts.map((a) => a.tripwire).join(', ')})`,
  ].filter(Boolean);
  return parts.length ? `Marked: ${parts.join('; ')}.` : 'No tripwire watches this indicator.';
}

function seriesOption(s: IndicatorSeries, tripwires: Tripwire[], alerts: Alert[]) {
  const areas: unknown[] = [];
  for (const t of tripwires) {
    if (t.baseline) areas.push([{ name: `baseline (${t.id})`, xAxis: labelAt(s, t.baseline.from, 'first'), itemStyle: { color: 'rgba(107,114,128,0.18)' } }, { xAxis: labelAt(s, t.baseline.to, 'last') }]);
    if (t.active) areas.push([{ name: `talks / active (${t.id})`, xAxis: labelAt(s, t.active.from, 'first'), itemStyle: { color: 'rgba(37,99,235,0.12)' } }, { xAxis: labelAt(s, t.active.to, 'last') }]);
  }
  const firings = alerts.flatMap((a) => a.periods.filter((p) => s.periods.includes(p)).map((p) => ({
    coord: [p, s.values[s.periods.indexOf(p)] ?? 0], name: `${a.tripwire} fires in ${p}`, value: '!',
  })));
  const baselines = alerts.filter((a) => typeof a.baseline === 'number').map((a) => ({ yAxis: a.baseline as number, name: `baseline (${a.tripwire})` }));
  return {
    grid: { left: 56, right: 20, top: 28, bottom: 60 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: s.periods },
    yAxis: { type: 'value', name: s.measure.replace(/_/g, ' ') },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [{
      name: s.id, type: 'line', data: s.values, showSymbol: false, lineStyle: { color: '#1d4ed8', width: 2 },
      markArea: { silent: true, label: { color: '#111827' }, data: areas },
      markPoint: { symbol: 'pin', symbolSize: 34, itemStyle: { color: '#b91c1c' }, label: { color: '#fff' }, data: firings },
      markLine: { symbol: 'none', silent: true, lineStyle: { color: '#374151', type: 'dashed' }, label: { formatter: '{b}', position: 'insideEndTop', color: '#111827' }, data: baselines },
    }],
  };
}

function AlertList({ alerts }: { alerts: { data?: { alerts: Alert[]; skipped?: { tripwire: string; reason: string }[] }; error: unknown; isPending: boolean } }) {
  return (
    <section aria-labelledby="alerts">
      <h2 id="alerts">Tripwires at this date</h2>
      {alerts.isPending ? <Loading what="Loading alerts" />
        : alerts.error ? (isNotFound(alerts.error) ? <Empty>Alerts are not available from this server yet.</Empty> : <ProblemMessage error={alerts.error} action="Loading alerts" />)
        : (alerts.data?.alerts.length ?? 0) === 0 ? <p className="muted">No tripwire fires at this date.</p>
        : (
          <ul>
            {alerts.data!.alerts.map((a) => (
              <li key={a.tripwire}><strong>{a.tripwire}</strong> ({a.kind.replace(/_/g, ' ')}){a.first ? ` first ${a.first}` : ''}{a.periods.length ? `; periods ${a.periods.join(', ')}` : ''}{a.advice ? ` — ${a.advice}` : ''}</li>
            ))}
          </ul>
        )}
      {(alerts.data?.skipped?.length ?? 0) > 0 && (
        <details><summary>Tripwires not evaluated</summary><ul>{alerts.data!.skipped!.map((s) => <li key={s.tripwire}>{s.tripwire}: {s.reason}</li>)}</ul></details>
      )}
    </section>
  );
}
