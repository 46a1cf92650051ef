// A link field: type some words of a name (or an id) and choose from the matching objects.
// The chosen object shows by its name, with its id in small type; ids are never typed.
// ARIA 1.2 combobox: the input owns a listbox; arrows move, Enter chooses, Escape closes.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { matches, type Choice } from './options';

export interface PickerProps {
  id: string;
  value: string;
  choices: readonly Choice[];
  onChange: (id: string) => void;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** How many matches to list at most; the rest are reached by typing more. */
  limit?: number;
  /** The accessible name, where no <label> points at the input. */
  ariaLabel?: string;
}

export function Picker({ id, value, choices, onChange, required, invalid, describedBy, limit = 30, ariaLabel }: PickerProps) {
  const [typed, setTyped] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const chosen = choices.find((c) => c.id === value);
  const open = typed !== null;
  const found = useMemo(() => (typed === null ? [] : choices.filter((c) => matches(c, typed))), [choices, typed]);
  const shown = found.slice(0, limit);
  const listId = `${id}-choices`;
  const optionId = (i: number) => `${id}-choice-${i}`;

  const choose = (c: Choice | undefined) => {
    if (c) onChange(c.id);
    setTyped(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setTyped('');
      setActive((a) => Math.min(a + 1, Math.max(shown.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      choose(shown[active]);
    } else if (e.key === 'Escape') {
      setTyped(null);
    }
  };

  return (
    <div className="picker">
      <input
        id={id}
        role="combobox"
        aria-label={ariaLabel}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        required={required && !value}
        placeholder="type to search by name"
        value={typed ?? chosen?.label ?? value}
        onChange={(e) => { setTyped(e.target.value); setActive(0); }}
        onFocus={(e) => e.target.select()}
        onKeyDown={onKey}
        onBlur={() => setTyped(null)}
      />
      {value && <span className="small picker-id">{value}</span>}
      {value && !required && (
        <button type="button" className="link picker-clear" onClick={() => onChange('')} aria-label="Clear the choice">clear</button>
      )}
      <ul id={listId} role="listbox" className="picker-list" hidden={!open} aria-label="Matching objects">
        {shown.map((c, i) => (
          <li
            key={`${c.group}-${c.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(e) => { e.preventDefault(); choose(c); }}
          >
            {c.label} <span className="small">{c.group.toLowerCase()} · {c.id}</span>
          </li>
        ))}
        {open && shown.length === 0 && <li role="option" aria-selected={false} aria-disabled="true" className="muted">nothing matches</li>}
        {found.length > shown.length && <li role="option" aria-selected={false} aria-disabled="true" className="muted">{found.length - shown.length} more: type more words</li>}
      </ul>
    </div>
  );
}
