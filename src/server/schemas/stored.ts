// Response schemas for what the store gives back: case objects as they were validated and stored.
// They are derived from the case-file schemas (src/case/schema.ts), so a new key in the case format
// is in the API's description at once. What changes on the way: a stored value has its defaults
// filled in (so defaulted keys are always present), its dates are strings, the cross-field checks
// already held when it was written, and `x-` keys ride along (the format's free-form extension
// keys, kept on every object and ignored: typed as unknown on purpose).
import { z } from 'zod';
import * as caseSchema from '../../case/schema.js';
import { roles } from '../../accounts/index.js';

type AnySchema = z.core.$ZodType;

/** The schema of a stored, validated value of `schema`; keeps every key, `x-` keys included. */
export function stored<T extends AnySchema>(schema: T): z.ZodType<z.output<T>> {
  return storedOf(schema) as unknown as z.ZodType<z.output<T>>;
}

function storedOf(schema: AnySchema): z.ZodType {
  // A date in a case file may be written as a bare year; once stored it is a string.
  if (schema === caseSchema.CaseDate) return z.string();
  const def = (schema as z.ZodType).def;
  switch (def.type) {
    case 'object': {
      const shape: Record<string, AnySchema> = (schema as z.ZodObject).shape;
      // catchall: the case format's `x-` keys, which any object may carry.
      return z.object(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, storedOf(value)]))).catchall(z.unknown());
    }
    case 'array': return z.array(storedOf((schema as z.ZodArray).element));
    case 'optional': return storedOf((schema as z.ZodOptional).unwrap()).optional();
    case 'nullable': return storedOf((schema as z.ZodNullable).unwrap()).nullable();
    // Filled in when the value was validated, so always present once stored.
    case 'default': return storedOf((schema as z.ZodDefault).unwrap());
    case 'record': {
      const record = schema as z.ZodRecord;
      return z.record(record.keyType, storedOf(record.valueType));
    }
    case 'union': return z.union((schema as z.ZodUnion).options.map(storedOf) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    case 'string': case 'number': case 'boolean': case 'enum': case 'literal':
      return schema as z.ZodType;
    default:
      throw new Error(`no stored shape for a zod ${def.type}: add it to src/server/schemas/stored.ts`);
  }
}

const named = <T extends z.ZodType>(schema: T, id: string, description: string): T => schema.meta({ id, description });

export const CaseHeader = named(stored(caseSchema.CaseHeader), 'CaseHeader', 'The `case:` block of a case file');
export const AssessmentSettings = named(stored(caseSchema.AssessmentSettings), 'AssessmentSettings', 'The case\'s `assessment:` block: its overrides of the assessment defaults');
export const Actor = named(stored(caseSchema.Actor), 'Actor', 'A state, group, organisation or person');
export const Relationship = named(stored(caseSchema.Relationship), 'Relationship', 'A link between two actors (offices with since and until)');
export const Source = named(stored(caseSchema.Source), 'Source', 'Where evidence and commitments come from, with its reliability');
export const Commitment = named(stored(caseSchema.Commitment), 'Commitment', 'What a party pledged');
export const Condition = named(stored(caseSchema.Condition), 'Condition', 'What the engaging states require');
export const Leverage = named(stored(caseSchema.Leverage), 'Leverage', 'An instrument held, gated by conditions, with its decisions');
export const Position = named(stored(caseSchema.Position), 'Position', 'Where a party stands on a condition');
export const Evidence = named(stored(caseSchema.Evidence), 'Evidence', 'One evidence item (newest version)');
export const LedgerItem = named(stored(caseSchema.Evidence.extend({
  recorded: z.string().describe('when it was recorded: its own date, else its source\'s'),
  grade: z.string().describe('reliability letter and credibility digit, e.g. B2'),
})), 'LedgerItem', 'An evidence item as the ledger lists it');
export const Claim = named(stored(caseSchema.Claim), 'Claim', 'A public claim by an official about a commitment or condition');
export const Hypothesis = named(stored(caseSchema.Hypothesis), 'Hypothesis', 'A set of competing hypotheses with its ACH ratings');
export const Indicator = named(stored(caseSchema.Indicator), 'Indicator', 'An event-data indicator');
export const Tripwire = named(stored(caseSchema.Tripwire), 'Tripwire', 'A rule that raises an alert');

/** The schema of each editable list's objects. */
export const objectSchemas = {
  actors: Actor, relationships: Relationship, sources: Source, commitments: Commitment, conditions: Condition,
  leverage: Leverage, positions: Position, claims: Claim, hypotheses: Hypothesis, indicators: Indicator, tripwires: Tripwire,
} as const;

/** One object of any editable list (which one the URL says). */
export const CaseObject = named(z.union(Object.values(objectSchemas) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]), 'CaseObject', 'One case object of the list named in the URL');

/** A whole stored case: the case-file shape. */
export const CaseContent = z.object({
  case: CaseHeader,
  assessment: AssessmentSettings.optional(),
  actors: z.array(Actor),
  relationships: z.array(Relationship),
  sources: z.array(Source),
  commitments: z.array(Commitment),
  conditions: z.array(Condition),
  leverage: z.array(Leverage),
  positions: z.array(Position),
  evidence: z.array(Evidence),
  claims: z.array(Claim),
  hypotheses: z.array(Hypothesis),
  indicators: z.array(Indicator),
  tripwires: z.array(Tripwire),
}).catchall(z.unknown()); // top-level `x-` keys of the case file

/** GET /api/cases/:case: the whole case and the caller's role on it. */
export const CaseView = CaseContent.extend({ role: z.enum(roles).describe('your role on the case') })
  .meta({ id: 'CaseView', description: 'A case with every object (newest version of each evidence item) and your role' });
