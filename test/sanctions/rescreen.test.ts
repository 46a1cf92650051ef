// Lists that change (issue 16): importing a new version of a list re-screens every case; the
// matches new, gone and rescored become a new_sanctions_match alert, on by default, with the
// analyst decisions still attached. End to end on two real UN snapshots (2024-09-26, 2026-02-27).
import { afterEach, describe, expect, it } from 'vitest';
import { importListFile } from '../../src/import/sanctions.js';
import { sanctionsChanges } from '../../src/screening/index.js';
import { addDecision } from '../../src/store/sanctions.js';
import { loadCase } from '../../src/store/cases.js';
import { caseAlertsFromStore } from '../../src/import/case-events.js';
import { newSanctionsMatch } from '../../src/events/tripwires.js';
import type { Store } from '../../src/store/open.js';
import { freshStore } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';
import { haveData, unFile } from './data.js';

const who = { actor: 'test:alice' };

/** Persons whose UN entries changed between the two snapshots. */
function caseWithListedPersons(tripwires: unknown[] = []) {
  const base = miniCase();
  return miniCase({
    actors: [
      ...base.actors,
      // HTi.007, listed after 2024-09-26.
      { id: 'elan', kind: 'person', name: 'Luckson Elan', birth_date: '1988-01-06' },
      // QDi.095, on the 2024-09-26 list, gone from the 2026-02-27 one.
      { id: 'dumont', kind: 'person', name: 'Lionel Dumont', birth_date: '1971-01-29' },
      // QDi.278: the main name changed from MUTHANNA HARITH AL-DARI to MUTHANNA HARITH SALMAN AL-DARI.
      { id: 'dari', kind: 'person', name: 'Muthanna Harith Salman al-Dari' },
      { id: 'nobody', kind: 'person', name: 'Elizabeth Walker' },
    ],
    tripwires,
  });
}

describe('the new_sanctions_match tripwire (pure)', () => {
  it('fires only when something changed, and counts each kind of change', () => {
    const tw = { id: 'tw-list', kind: 'new_sanctions_match' as const };
    expect(newSanctionsMatch(tw, [])).toBeNull();
    const at = '2026-03-01T10:00:00.000Z';
    const result = newSanctionsMatch(tw, [
      { person: 'p', list: 'un', ref: 'HTi.007', change: 'new', score: 1, screened_at: at, versions: { un: 'un@2026-02-27' } },
      { person: 'p', list: 'un', ref: 'QDi.095', change: 'gone', score: 1, screened_at: at, versions: { un: 'un@2026-02-27' } },
    ]);
    expect(result && 'alert' in result ? result.alert : undefined).toMatchObject({ tripwire: 'tw-list', kind: 'new_sanctions_match', first: '2026-03-01', new: 1, gone: 1, changed: 0 });
  });
});

describe.skipIf(!haveData)('re-screening on import, on two real UN snapshots (sqlite)', () => {
  let store: Store;
  afterEach(async () => store?.close());

  it('re-screens every case, reports new, gone and changed matches as an alert, and keeps decisions attached', async () => {
    store = await freshStore('sqlite');
    await loadCase(store, caseWithListedPersons(), who);
    const today = new Date().toISOString().slice(0, 10);

    const first = await importListFile(store, 'un-sanctions', unFile('2024-09-26'), who);
    expect(first.rescreened).toEqual([expect.objectContaining({ case: 'mini' })]);
    const initial = await sanctionsChanges(store, 'mini', today);
    // The first screening: every match is new.
    expect(initial.filter((c) => c.person === 'dumont').map((c) => [c.ref, c.change])).toContainEqual(['QDi.095', 'new']);
    expect(initial.some((c) => c.person === 'elan' && c.ref === 'HTi.007')).toBe(false);
    expect(initial.filter((c) => c.person === 'nobody')).toEqual([]);

    await addDecision(store, { case_id: 'mini', person_id: 'dumont', list: 'un', ref: 'QDi.095', decision: 'confirmed', reason: 'same birth date' }, 'test:bob');

    // Re-importing the same file stores nothing and re-screens nothing.
    expect((await importListFile(store, 'un-sanctions', unFile('2024-09-26'), who)).rescreened).toBeUndefined();

    const second = await importListFile(store, 'un-sanctions', unFile('2026-02-27'), who);
    expect(second.rescreened?.[0]).toMatchObject({ case: 'mini' });
    const changes = await sanctionsChanges(store, 'mini', today);
    const of = (person: string, ref: string) => changes.find((c) => c.person === person && c.ref === ref);
    expect(of('elan', 'HTi.007')).toMatchObject({ change: 'new', list: 'un', versions: { un: expect.stringMatching(/^un@2026-02-2/) } });
    expect(of('dumont', 'QDi.095')).toMatchObject({ change: 'gone', decision: { decision: 'confirmed', reason: 'same birth date', actor: 'test:bob' } });
    const dari = of('dari', 'QDi.278');
    expect(dari?.change).toBe('changed');
    expect(dari?.score).toBeGreaterThan(dari?.before ?? 1);
    expect(changes.filter((c) => c.person === 'nobody')).toEqual([]);

    // On by default: the case declares no new_sanctions_match tripwire, and the alert is there.
    const { alerts } = await caseAlertsFromStore(store, caseWithListedPersons(), today, { matches: [] });
    const alert = alerts.find((a) => a.kind === 'new_sanctions_match');
    expect(alert).toMatchObject({ tripwire: 'new_sanctions_match', advice: null });
    expect((alert?.['changes'] as unknown[]).length).toBe(changes.length);

    // A declared one replaces the default, with its own id and advice.
    const declared = caseWithListedPersons([{ id: 'tw-lists', kind: 'new_sanctions_match', advice: 'review the person before the next meeting' }]);
    const withOwn = await caseAlertsFromStore(store, declared, today, { matches: [] });
    expect(withOwn.alerts.filter((a) => a.kind === 'new_sanctions_match').map((a) => [a.tripwire, a.advice])).toEqual([['tw-lists', 'review the person before the next meeting']]);

    // As of a day before any screening, nothing had changed.
    expect(await sanctionsChanges(store, 'mini', '2000-01-01')).toEqual([]);
  }, 120_000);
});
