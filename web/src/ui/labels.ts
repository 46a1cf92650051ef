// Short labels for people: an object's own words, cut at a word boundary. The full text stays
// available on demand (a title attribute or the object's page); ids go in small type.

/** The first words of `text`, at most `max` characters, with an ellipsis when cut. */
export function shortLabel(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}

/** What a gating condition's status does to the instrument it gates, in words. */
export function gateEffect(status: string): string {
  switch (status) {
    case 'met': return 'allows release';
    case 'not_met': return 'blocks release';
    case 'not_yet_set': return 'not yet set';
    default: return 'needs review';
  }
}
