// A chart placeholder that loads ECharts on demand (code-split from the initial bundle).
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

const EChart = lazy(() => import('./EChart'));

export function LazyChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="chart chart-loading" style={{ height: props.height ?? 280 }} role="status">Loading chart…</div>}>
      <EChart {...props} />
    </Suspense>
  );
}
