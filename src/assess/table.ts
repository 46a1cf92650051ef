// Plain-text tables for the terminal: columns padded to their widest cell, two spaces apart.

export function table(headers: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => indent + cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)];
}

export function heading(text: string): string {
  return `${text}\n${'─'.repeat(text.length)}`;
}
