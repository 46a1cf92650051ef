// Labels for people: an object's own words, cut at a word boundary; what a gate does, in words.
import { describe, expect, it } from 'vitest';
import { gateEffect, shortLabel } from '../../web/src/ui/labels.js';

describe('shortLabel', () => {
  it('keeps a short text whole and tidies its spaces', () => {
    expect(shortLabel('  Recognition of the   de facto authorities ')).toBe('Recognition of the de facto authorities');
  });
  it('cuts a long text at a word boundary, without trailing punctuation, and says so', () => {
    const text = 'The Taliban will not allow any of its members, other individuals or groups, including al-Qa’ida, to use the soil of Afghanistan';
    const label = shortLabel(text, 60);
    expect(label.length).toBeLessThanOrEqual(61);
    expect(label.endsWith('…')).toBe(true);
    expect(text.startsWith(label.slice(0, -1))).toBe(true);
    expect(label).not.toMatch(/[,\s]…$/);
  });
});

describe('gateEffect', () => {
  it('says what the condition does to the instrument', () => {
    expect(['met', 'not_met', 'partly_met', 'unknown', 'not_yet_set'].map(gateEffect)).toEqual(['allows release', 'blocks release', 'needs review', 'needs review', 'not yet set']);
  });
});
