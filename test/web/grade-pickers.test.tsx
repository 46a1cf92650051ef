// @vitest-environment jsdom
// The grade pickers: every grade is offered with its meaning, the source's own grade is the
// default, and choosing reports the value.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CredibilityPicker, gradeSummary, ReliabilityPicker } from '../../web/src/evidence/GradePickers';

afterEach(cleanup);

describe('ReliabilityPicker', () => {
  it('explains A–F and offers the source’s grade as the default', () => {
    render(<ReliabilityPicker value={null} onChange={() => {}} sourceReliability="B" />);
    expect(screen.getByRole('group', { name: 'Source reliability (A–F)' })).toBeTruthy();
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(7);
    expect((screen.getByRole('radio', { name: /Source’s grade — B: Usually reliable/ }) as HTMLInputElement).checked).toBe(true);
    for (const [letter, words] of [['A', 'Completely reliable'], ['C', 'Fairly reliable'], ['E', 'Unreliable'], ['F', 'Reliability cannot be judged']]) {
      expect(screen.getByRole('radio', { name: new RegExp(`^${letter} — ${words}`) })).toBeTruthy();
    }
    // The hint (what the grade means, and its factor in the weight) describes each option.
    expect(screen.getByRole('radio', { name: /^D — / }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/no basis to evaluate the source; weight × 0.5/)).toBeTruthy();
  });

  it('reports a chosen letter, and null for the source’s grade', async () => {
    const onChange = vi.fn();
    const { rerender } = render(<ReliabilityPicker value={null} onChange={onChange} sourceReliability="A" />);
    await userEvent.click(screen.getByRole('radio', { name: /^C — Fairly reliable/ }));
    expect(onChange).toHaveBeenLastCalledWith('C');
    rerender(<ReliabilityPicker value="C" onChange={onChange} sourceReliability="A" />);
    await userEvent.click(screen.getByRole('radio', { name: /Source’s grade/ }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('is usable from the keyboard: arrow keys move between grades', async () => {
    // jsdom has no CSS.escape, which user-event uses to find the radio group.
    globalThis.CSS ??= { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } as unknown as typeof CSS;
    const onChange = vi.fn();
    render(<ReliabilityPicker value="B" onChange={onChange} />);
    screen.getByRole('radio', { name: /^B — / }).focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(onChange).toHaveBeenLastCalledWith('C');
  });
});

describe('CredibilityPicker', () => {
  it('explains 1–6 and reports the chosen digit as a number', async () => {
    const onChange = vi.fn();
    render(<CredibilityPicker value={6} onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'Information credibility (1–6)' })).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(6);
    expect((screen.getByRole('radio', { name: /^6 — Truth cannot be judged/ }) as HTMLInputElement).checked).toBe(true);
    for (const words of ['Confirmed', 'Probably true', 'Possibly true', 'Doubtful', 'Improbable']) expect(screen.getByRole('radio', { name: new RegExp(words) })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: /^2 — Probably true/ }));
    expect(onChange).toHaveBeenLastCalledWith(2);
  });

  it('two pickers on one page do not share a radio group', async () => {
    const first = vi.fn();
    const second = vi.fn();
    render(<><CredibilityPicker value={1} onChange={first} /><CredibilityPicker value={1} onChange={second} /></>);
    const confirmed = screen.getAllByRole('radio', { name: /^1 — Confirmed/ }) as HTMLInputElement[];
    expect(confirmed.every((r) => r.checked)).toBe(true);
    expect(confirmed[0]!.name).not.toBe(confirmed[1]!.name);
  });
});

describe('gradeSummary', () => {
  it('puts the grade in words', () => {
    expect(gradeSummary('B', 2)).toBe('B2: usually reliable source, probably true');
    expect(gradeSummary(null, 6)).toBe('?6: source grade source, truth cannot be judged');
  });
});
