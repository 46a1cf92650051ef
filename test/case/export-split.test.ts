// A list too long for one case file is exported as numbered files that load back, in order, to
// the same case (a reader refuses a file over 16 MB, and a 100,000-item case's evidence is 24 MB).
import { describe, expect, it } from 'vitest';
import { caseToYaml } from '../../src/case/export.js';
import { parseCase } from '../../src/case/parse.js';
import { generateCase } from '../helpers/generate.js';

describe('caseToYaml on long lists', () => {
  const c = generateCase({ evidence: 300, commitments: 40, seed: 11 });

  it('splits a list over the limit into numbered files that load back to the same case', () => {
    const files = caseToYaml(c, 20_000);
    const evidenceFiles = [...files.keys()].filter((f) => f.startsWith('evidence'));
    expect(evidenceFiles.length).toBeGreaterThan(3);
    expect(evidenceFiles[0]).toBe('evidence-001.yaml');
    expect(evidenceFiles).toEqual([...evidenceFiles].sort());
    // Files are read in name order, whatever order they are given in.
    const texts = [...files].map(([file, text]) => ({ file, text })).sort((a, b) => a.file.localeCompare(b.file));
    const back = parseCase(texts);
    expect(back.ok && back.value).toEqual(c);
  });

  it('keeps one file per list under the limit, as before', () => {
    const files = caseToYaml(c);
    expect([...files.keys()]).toContain('evidence.yaml');
    expect([...files.keys()].some((f) => /-\d{3}\.yaml$/.test(f))).toBe(false);
  });
});
