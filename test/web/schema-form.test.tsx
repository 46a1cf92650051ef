// @vitest-environment jsdom
// The schema form renderer: the case format's schema becomes fields of the right kind, nested
// lists of objects (a leverage instrument's decisions) can be added and filled, errors from the
// API appear at their field, link pickers search by name, and new ids are readable slugs.
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SchemaFields, type FormContext } from '../../web/src/forms/SchemaForm';
import { fieldOf, itemSchema, pruned, settingsSchema } from '../../web/src/forms/schema';
import { placeErrors } from '../../web/src/forms/fieldErrors';
import { newId, slugOf } from '../../web/src/forms/slug';
import { choicesFor, matches } from '../../web/src/forms/options';
import { ApiError } from '../../web/src/api/client';
import { withNestedIds } from '../../web/src/forms/ObjectForm';

afterEach(cleanup);

const caseFile = {
  actors: [
    { id: 'taliban', kind: 'armed_group', name: 'Taliban' },
    { id: 'united-states', kind: 'state', name: 'United States of America' },
    { id: 'qatar', kind: 'state', name: 'Qatar' },
  ],
  sources: [{ id: 'doha-agreement', kind: 'agreement', title: 'Agreement for Bringing Peace to Afghanistan', date: '2020-02-29' }],
  conditions: [{ id: 'cond-no-aq', set_by: ['united-states'], category: 'counterterrorism', text: 'No safe haven for al-Qaeda' }],
  commitments: [], claims: [], relationships: [], evidence: [], hypotheses: [], indicators: [],
};

/** A form holding its own value, as the pages do; `seen` gets every change. */
function Harness({ list, initial = {}, errors = new Map(), seen }: { list: 'leverage' | 'commitments' | 'actors'; initial?: Record<string, unknown>; errors?: Map<string, string>; seen?: (v: Record<string, unknown>) => void }) {
  const [value, setValue] = useState<Record<string, unknown>>(initial);
  const ctx: FormContext = { list, caseFile, own: value, errors, idPrefix: 'f' };
  return (
    <form aria-label="test form">
      <SchemaFields schema={itemSchema(list)} value={value} onChange={(v) => { setValue(v); seen?.(v); }} ctx={ctx} skip={['id']} />
    </form>
  );
}

describe('field kinds from the case schema', () => {
  it('reads each property of a leverage instrument as the right kind of field', () => {
    const s = itemSchema('leverage');
    const p = s.properties ?? {};
    expect(fieldOf('leverage', 'held_by', p['held_by']!)).toEqual({ kind: 'link', to: ['actors'] });
    expect(fieldOf('leverage', 'kind', p['kind']!).kind).toBe('enum');
    expect(fieldOf('leverage', 'text', p['text']!)).toEqual({ kind: 'text', long: true });
    expect(fieldOf('leverage', 'review', p['review']!).kind).toBe('date');
    expect(fieldOf('leverage', 'amount', p['amount']!).kind).toBe('object');
    expect(fieldOf('leverage', 'gated_by', p['gated_by']!)).toEqual({ kind: 'list', item: { kind: 'link', to: ['conditions'] } });
    expect(fieldOf('leverage', 'decisions', p['decisions']!).kind).toBe('objects');
    const actor = itemSchema('actors').properties ?? {};
    expect(fieldOf('actors', 'aliases', actor['aliases']!)).toEqual({ kind: 'list', item: { kind: 'text', long: false } });
    expect(fieldOf('actors', 'dataset_ids', actor['dataset_ids']!).kind).toBe('json');
    const settings = settingsSchema().properties ?? {};
    expect(Object.keys(settings['case']?.properties ?? {})).not.toContain('id');
    expect(fieldOf('settings', 'assessment', settings['assessment']!).kind).toBe('object');
  });

  it('shows the new value of a JSON field when the value changes from outside (a reload after a conflict)', () => {
    const ctx = (own: Record<string, unknown>): FormContext => ({ list: 'actors', caseFile, own, errors: new Map(), idPrefix: 'f' });
    const mine = { name: 'Taliban', dataset_ids: { acled: 'mine' } };
    const stored = { name: 'Taliban', dataset_ids: { acled: 'theirs' } };
    const view = render(<SchemaFields schema={itemSchema('actors')} value={mine} onChange={() => undefined} ctx={ctx(mine)} skip={['id']} />);
    const box = () => document.querySelector<HTMLTextAreaElement>('textarea.json')!;
    expect(box().value).toContain('mine');
    view.rerender(<SchemaFields schema={itemSchema('actors')} value={stored} onChange={() => undefined} ctx={ctx(stored)} skip={['id']} />);
    expect(box().value).toContain('theirs');
  });

  it('renders text, long text, choices, dates and links with labels, optional ones said so', () => {
    render(<Harness list="commitments" />);
    expect(screen.getByLabelText('Text').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText(/^Ref\s*\(optional\)$/).tagName).toBe('INPUT');
    const kind = screen.getByLabelText('Kind') as HTMLSelectElement;
    expect([...kind.options].map((o) => o.value)).toEqual(['', 'prohibition', 'obligation']);
    expect(screen.getByLabelText('Made').getAttribute('placeholder')).toBe('2021-08-15');
    expect(screen.getByRole('combobox', { name: 'By' })).toBeTruthy();
    expect(screen.getByRole('group', { name: /^Depends on\s*\(optional\)$/ })).toBeTruthy();
  });
});

describe('nested lists of objects', () => {
  it('adds a leverage decision with its date, action (released, partly released, renewed, withheld) and source, and removes it', async () => {
    const user = userEvent.setup();
    let last: Record<string, unknown> = {};
    render(<Harness list="leverage" seen={(v) => { last = v; }} />);
    await user.click(screen.getByRole('button', { name: 'Add decision' }));
    const decision = screen.getByRole('group', { name: 'Decision 1' });
    const action = within(decision).getByLabelText('Action') as HTMLSelectElement;
    expect([...action.options].map((o) => o.value)).toEqual(expect.arrayContaining(['released', 'partly_released', 'renewed', 'withheld']));
    await user.type(within(decision).getByLabelText('Date'), '2021-04-01');
    await user.selectOptions(action, 'partly_released');
    await user.type(within(decision).getByRole('combobox', { name: /^Source\s*\(optional\)$/ }), 'peace');
    await user.click(within(decision).getByRole('option', { name: /Agreement for Bringing Peace/ }));
    expect(last['decisions']).toEqual([{ date: '2021-04-01', action: 'partly_released', source: 'doha-agreement' }]);
    await user.click(screen.getByRole('button', { name: 'Remove decision 1' }));
    expect(last['decisions']).toEqual([]);
  });

  it('keeps a list of strings and a list of links, each removable', async () => {
    const user = userEvent.setup();
    let last: Record<string, unknown> = {};
    render(<Harness list="leverage" initial={{ gated_by: ['cond-no-aq'] }} seen={(v) => { last = v; }} />);
    const gated = screen.getByRole('group', { name: /^Gated by\s*\(optional\)$/ });
    expect(gated.textContent).toContain('No safe haven for al-Qaeda');
    await user.click(within(gated).getByRole('button', { name: 'Remove No safe haven for al-Qaeda' }));
    expect(last['gated_by']).toEqual([]);
  });
});

describe('errors from the API at their fields', () => {
  it('places a problem response’s fields inside the edited object, and keeps the rest general', () => {
    const error = new ApiError(400, 'Bad Request', 'the case would not be valid', [
      { field: 'leverage[4].decisions[0].date', message: 'not a date: use ISO 8601' },
      { field: 'leverage[4].held_by', message: 'unknown id "nobody"' },
      { field: 'commitments[2].by', message: 'elsewhere' },
    ]);
    const placed = placeErrors(error, 'leverage');
    expect([...placed.fields]).toEqual([['decisions[0].date', 'not a date: use ISO 8601'], ['held_by', 'unknown id "nobody"']]);
    expect(placed.general).toEqual(['commitments[2].by: elsewhere']);
    const evidence = placeErrors(new ApiError(400, 'Bad Request', '', [
      { field: 'body.source', message: 'unknown source' },
      { field: 'body.bears_on[1].target', message: 'unknown id "nothing"' },
    ]), 'evidence');
    expect([...evidence.fields]).toEqual([['source', 'unknown source'], ['bears_on[1].target', 'unknown id "nothing"']]);
    expect(evidence.general).toEqual([]);
  });

  it('shows each message at its field, marked invalid and described by it, also inside a nested item', () => {
    const errors = new Map([['held_by', 'unknown id "nobody"'], ['decisions[0].date', 'not a date']]);
    render(<Harness list="leverage" initial={{ decisions: [{ date: 'soon', action: 'released' }] }} errors={errors} />);
    const heldBy = screen.getByRole('combobox', { name: 'Held by' });
    expect(heldBy.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(heldBy.getAttribute('aria-describedby') ?? '')?.textContent).toBe('unknown id "nobody"');
    const date = within(screen.getByRole('group', { name: 'Decision 1' })).getByLabelText('Date');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(date.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('not a date');
  });
});

describe('link pickers', () => {
  it('search by any words of the name or the id, show names, and choose with the keyboard', async () => {
    const user = userEvent.setup();
    let last: Record<string, unknown> = {};
    render(<Harness list="commitments" seen={(v) => { last = v; }} />);
    const by = screen.getByRole('combobox', { name: 'By' });
    await user.type(by, 'states amer');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('United States of America')]);
    expect(by.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Enter}');
    expect(last['by']).toBe('united-states');
    expect((by as HTMLInputElement).value).toBe('United States of America');
    expect(screen.getByText('united-states', { selector: '.picker-id' })).toBeTruthy();
    await user.clear(by);
    await user.type(by, 'zzz');
    expect(within(screen.getByRole('listbox')).getByRole('option').textContent).toBe('nothing matches');
  });

  it('offers evidence every target the format allows, grouped by kind', () => {
    const withMore = { ...caseFile, commitments: [{ id: 'ct-a', text: 'A pledge' }], claims: [{ id: 'claim-b', text: 'A claim' }], relationships: [{ id: 'rel-c', from: 'taliban', type: 'hosts', to: 'qatar' }], hypotheses: [{ id: 'h', question: 'Q', options: [{ id: 'opt-d', text: 'An option' }] }] };
    const choices = choicesFor(withMore, ['commitments', 'conditions', 'claims', 'relationships', 'options']);
    expect(choices.map((c) => [c.id, c.group])).toEqual([['ct-a', 'Commitments'], ['cond-no-aq', 'Conditions'], ['claim-b', 'Claims'], ['rel-c', 'Relationships'], ['opt-d', 'Options']]);
    expect(choices.find((c) => c.id === 'rel-c')?.label).toBe('Taliban hosts Qatar');
    expect(matches(choices[0]!, 'PLEDGE ct-a')).toBe(true);
    expect(matches(choices[0]!, 'pledge claim')).toBe(false);
  });
});

describe('readable ids and what is sent', () => {
  it('slugs the title without filler words, with the kind’s prefix, unique within the case', () => {
    expect(slugOf('The Taliban will not host al-Qaeda')).toBe('taliban-host-al-qaeda');
    expect(slugOf('Ürümqi Façade — déjà vu')).toBe('urumqi-facade-deja-vu');
    expect(newId('commitments', 'No attacks on civilians', new Set())).toBe('ct-attacks-civilians');
    expect(newId('commitments', 'No attacks on civilians', new Set(['ct-attacks-civilians', 'ct-attacks-civilians-2']))).toBe('ct-attacks-civilians-3');
    expect(newId('actors', 'Coalition of States', new Set())).toBe('coalition-states');
    expect(newId('actors', '— ! —', new Set())).toBe('');
  });

  it('gives a hypothesis set’s new options ids made from their text, keeping ids already given', () => {
    const taken = new Set(['ach-who-rules', 'taliban-rule-alone']);
    const sent = withNestedIds({ id: 'ach-who-rules', question: 'Who rules?', options: [{ text: 'The Taliban rule alone' }, { id: 'opt-shared', text: 'Power is shared' }], ratings: [] }, taken);
    expect(sent['options']).toEqual([{ id: 'taliban-rule-alone-2', text: 'The Taliban rule alone' }, { id: 'opt-shared', text: 'Power is shared' }]);
  });

  it('leaves out empty optional values, keeps empty lists and numbers', () => {
    expect(pruned({ id: 'x', text: 'T', ref: '', due: null, amount: { value: undefined, currency: '' }, gated_by: [], decisions: [{ date: '' }], factor: 0 }))
      .toEqual({ id: 'x', text: 'T', gated_by: [], decisions: [], factor: 0 });
  });
});
