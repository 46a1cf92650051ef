// `x-` keys are the case format's escape hatch: kept and ignored. They are lifted out of the raw
// data before strict validation and restored on the validated value at the same paths, so the
// schemas stay strict and the export writes them back.

export interface Extension {
  path: PropertyKey[];
  key: string;
  value: unknown;
}

/**
 * A deep copy of plain data in which no object appears at two paths. YAML aliases share one
 * object between all their uses (structuredClone keeps that sharing), and liftExtensions below
 * edits objects in place.
 */
export function unshare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unshare);
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unshare(v)]));
  }
  return value;
}

/** Removes every `x-` key from a plain data tree (in place) and returns what was removed. */
export function liftExtensions(data: unknown, path: PropertyKey[] = [], out: Extension[] = []): Extension[] {
  if (Array.isArray(data)) {
    data.forEach((item, i) => liftExtensions(item, [...path, i], out));
  } else if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key.startsWith('x-')) {
        out.push({ path, key, value: record[key] });
        delete record[key];
      } else {
        liftExtensions(record[key], [...path, key], out);
      }
    }
  }
  return out;
}

/** Puts lifted `x-` keys back on a value of the same shape. */
export function restoreExtensions(data: unknown, extensions: Extension[]): void {
  for (const { path, key, value } of extensions) {
    let at: unknown = data;
    for (const seg of path) at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[seg] : undefined;
    if (at && typeof at === 'object' && !Array.isArray(at)) (at as Record<string, unknown>)[key] = value;
  }
}
