// The as-of date control in the header of every page. Changing it rewrites ?as_of= and every
// status on the page replays at that date.
import { useEffect, useId, useState } from 'react';
import { useAsOf } from './asOf';

export function AsOfControl() {
  const { asOf, explicit, setAsOf } = useAsOf();
  const [draft, setDraft] = useState(asOf);
  const id = useId();
  useEffect(() => setDraft(asOf), [asOf]);
  const commit = (value: string) => {
    // While a year is being typed the input briefly holds years like 0002: wait for a plausible one.
    if (/^(19|20)\d{2}-\d{2}-\d{2}$/.test(value) && value !== asOf) setAsOf(value);
  };
  return (
    <form className="asof" role="search" aria-label="As-of date" onSubmit={(e) => { e.preventDefault(); commit(draft); }}>
      <label htmlFor={id}>As of</label>
      <input id={id} type="date" value={draft} max="9999-12-31"
        onChange={(e) => { setDraft(e.target.value); commit(e.target.value); }} />
      {explicit && <button type="button" className="link" onClick={() => setAsOf('')}>Today</button>}
    </form>
  );
}
