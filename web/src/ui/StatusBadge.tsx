// A status always shows its words and a symbol beside its colour: never colour alone.
const looks: Record<string, { tone: string; symbol: string }> = {
  kept: { tone: 'good', symbol: '✔' },
  met: { tone: 'good', symbol: '✔' },
  supported: { tone: 'good', symbol: '✔' },
  release: { tone: 'good', symbol: '▲' },
  broken: { tone: 'bad', symbol: '✖' },
  not_met: { tone: 'bad', symbol: '✖' },
  contradicted: { tone: 'bad', symbol: '✖' },
  withhold: { tone: 'bad', symbol: '■' },
  partly_kept: { tone: 'mixed', symbol: '◐' },
  partly_met: { tone: 'mixed', symbol: '◐' },
  disputed: { tone: 'mixed', symbol: '◐' },
  review: { tone: 'mixed', symbol: '●' },
  unverified: { tone: 'none', symbol: '?' },
  unknown: { tone: 'none', symbol: '?' },
  unsupported: { tone: 'none', symbol: '?' },
  not_yet_made: { tone: 'none', symbol: '–' },
  not_yet_set: { tone: 'none', symbol: '–' },
  at_risk: { tone: 'mixed', symbol: '◔' },
  blocked: { tone: 'mixed', symbol: '⏸' },
  requires: { tone: 'good', symbol: '!' },
  supports: { tone: 'good', symbol: '+' },
  neutral: { tone: 'none', symbol: '○' },
  opposes: { tone: 'bad', symbol: '−' },
};

export const statusWords = (status: string): string => status.replace(/_/g, ' ');

export function StatusBadge({ status, label }: { status: string | null | undefined; label?: string }) {
  const s = status ?? 'unknown';
  const look = looks[s] ?? { tone: 'none', symbol: '•' };
  return (
    <span className={`badge tone-${look.tone}`} data-status={s}>
      <span aria-hidden="true">{look.symbol} </span>
      {label ? `${label}: ` : ''}{statusWords(s)}
    </span>
  );
}

export function Confidence({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">no confidence level</span>;
  return <span className={`confidence conf-${value}`}>{value} confidence</span>;
}
