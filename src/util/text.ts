// A value read from JSON (an alert's details, a stored object) as text for a message or a sort
// key: strings as they are, nothing for null or undefined, anything else as JSON, never the
// "[object Object]" that String() would make of an object.
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
