// An indicator's `country`: an ISO code (`AF`) or the dataset's own name (`Afghanistan`). Names
// become codes through src/util/countries.ts, which sanctions lists share.
export function countryFilter(value: string): { code: string } | { name: string } {
  if (/^[A-Za-z]{2}$/.test(value)) return { code: value.toUpperCase() };
  return { name: value };
}
