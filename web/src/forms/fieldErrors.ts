// The API names the fields at fault in its problem response (`errors[].field`), as a path in
// the whole case (`leverage[3].decisions[0].date`), in the settings (`assessment.strength.weak`)
// or in the request body (`body.source`). The form shows each at its own field: the path is
// made relative to the object edited; what names no field of it stays in the general message.
import { ApiError } from '../api/client';

export interface Placed {
  /** Message by field path inside the object (`decisions[0].date`). */
  fields: Map<string, string>;
  /** Problems that name no field of the object. */
  general: string[];
}

const caseLists = 'actors|relationships|sources|commitments|conditions|leverage|positions|evidence|claims|hypotheses|indicators|tripwires';
const inAnotherList = new RegExp(`^(?:${caseLists})\\[\\d+\\]`);

export function placeErrors(error: unknown, list: string): Placed {
  const fields = new Map<string, string>();
  const general: string[] = [];
  if (!(error instanceof ApiError)) return { fields, general };
  const own = new RegExp(`^(?:body\\.)?${list}\\[\\d+\\]\\.?`);
  for (const { field, message } of error.errors) {
    let path = field.replace(/^body\.?/, '');
    if (list !== 'settings') {
      if (own.test(field)) path = field.replace(own, '');
      else if (inAnotherList.test(path)) { general.push(`${field}: ${message}`); continue; }
    }
    if (!path) general.push(message);
    else if (!fields.has(path)) fields.set(path, message);
  }
  return { fields, general };
}
