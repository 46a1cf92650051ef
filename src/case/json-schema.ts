// The case format as JSON Schema, for editors that validate and autocomplete YAML.
import { z } from 'zod';
import { CaseFile } from './schema.js';

export function caseJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CaseFile, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      // The schemas are strict, but `x-` keys are allowed everywhere and ignored.
      if (jsonSchema.type === 'object' && jsonSchema.additionalProperties === false) {
        jsonSchema.patternProperties = { '^x-': {} };
      }
    },
  });
  return {
    ...schema,
    $id: 'https://github.com/deeds-project/deeds/schemas/case.json',
    title: 'deeds case file',
    description: 'A case for deeds: actors, sources, commitments, conditions, leverage, evidence, claims, hypotheses, indicators and tripwires (docs/case-format.md).',
  };
}
