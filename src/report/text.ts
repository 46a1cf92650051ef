// Small text helpers shared by the HTML and Markdown renderers. Everything that comes from a case
// is untrusted text: it is escaped where it is written, never earlier.

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/**
 * Markdown: backslash-escape the ASCII punctuation that could start markup (CommonMark allows
 * escaping any of it), turn `&` and angle brackets into entities so no raw HTML survives, and keep
 * the text on one line so it cannot open a heading, a list or a table row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]#!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Only http(s) addresses become links; anything else (javascript:, data:) stays text. */
export function linkableUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `not_met` → `not met`: statuses are printed as words, never as colour alone. */
export function words(code: string): string {
  return code.replace(/_/g, ' ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatMass(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, '');
}
