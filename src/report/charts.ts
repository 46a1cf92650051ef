// Charts as inline SVG, rendered on the server by ECharts (`ssr: true`, SVG renderer): the
// briefing stays one self-contained file with no script. ECharts is loaded on first use so that
// other commands do not pay for it.
import type { ChartSeries } from './model.js';
import { escapeHtml } from './text.js';

type ECharts = typeof import('echarts');
let loaded: Promise<ECharts> | null = null;
const echarts = (): Promise<ECharts> => (loaded ??= import('echarts'));

const WIDTH = 720;
const FONT = { fontFamily: 'Helvetica, Arial, sans-serif', fontSize: 11 };

async function renderSvg(key: string, option: Record<string, unknown>, height: number, label: string): Promise<string> {
  const e = await echarts();
  const chart = e.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    // Decal patterns tell series apart without relying on colour.
    chart.setOption({ animation: false, aria: { enabled: true, decal: { show: true } }, textStyle: FONT, ...option });
    const svg = chart.renderToSVGString();
    return renumber(svg, `chart-${key}-`).replace('<svg ', `<svg role="img" aria-label="${escapeHtml(label)}" `);
  } finally {
    chart.dispose(); // an undisposed instance keeps the process alive
  }
}

/**
 * zrender numbers its ids and CSS classes with counters that run for the whole process. The
 * chart's place in the page names them instead, renumbered from 0 in order of appearance, so ids
 * stay unique in the page and the same input always gives the same file.
 */
function renumber(svg: string, prefix: string): string {
  const seen = new Map<string, number>();
  const counts = new Map<string, number>();
  return svg.replace(/\bzr\d+-([a-z]+-?)(\d+)\b/g, (_all, kind: string, n: string) => {
    const key = `${kind}${n}`;
    let index = seen.get(key);
    if (index === undefined) {
      index = counts.get(kind) ?? 0;
      counts.set(kind, index + 1);
      seen.set(key, index);
    }
    return `${prefix}${kind}${index}`;
  });
}

/** One indicator series over its periods, as a line with markers. */
export function indicatorChart(s: ChartSeries, index: number): Promise<string> {
  return renderSvg(`indicator${index}`, {
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: s.labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', name: s.id, data: s.values, showSymbol: s.values.length <= 60, lineStyle: { width: 1.5 } }],
  }, 240, `${s.title}. ${s.summary}${s.caveats.length ? ` Caveat: ${s.caveats.join('; ')}.` : ''}`);
}

/** Supporting against contradicting evidence weight for each commitment (the engine's S and C). */
export function balanceChart(rows: ReadonlyArray<{ id: string; support: number; contradiction: number }>): Promise<string> {
  const ids = rows.map((r) => r.id).reverse();
  const values = (key: 'support' | 'contradiction') => rows.map((r) => r[key]).reverse();
  return renderSvg('balance', {
    legend: { top: 0, data: ['support (S)', 'contradiction (C)'] },
    grid: { left: 200, right: 24, top: 28, bottom: 24 },
    xAxis: { type: 'value', name: 'weight' },
    yAxis: { type: 'category', data: ids, axisLabel: { width: 190, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: 'support (S)', data: values('support'), itemStyle: { color: '#2e7d32' } },
      { type: 'bar', name: 'contradiction (C)', data: values('contradiction'), itemStyle: { color: '#c62828' } },
    ],
  }, Math.max(160, 40 + rows.length * 26), 'Evidence weight per commitment: supporting (S) against contradicting (C); the same figures are in the commitments table.');
}
