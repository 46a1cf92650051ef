// A compile-time check that a response schema describes an engine type faithfully: the schema's
// output has every key the type has, with types that fit, and accepts every value of the type.
// A change to the engine's output that the schema does not follow stops `npm run typecheck`.
import type { z } from 'zod';

/** The engine returns readonly data (frozen settings, readonly arrays); JSON has no such notion. */
type DeepMutable<T> = T extends readonly (infer E)[] ? DeepMutable<E>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

export type Faithful<S extends z.ZodType, T> = [z.output<S>] extends [DeepMutable<T>] ? ([DeepMutable<T>] extends [z.input<S>] ? true : false) : false;

/** Use as `export type _Checked = Expect<Faithful<typeof Schema, EngineType>>`. */
export type Expect<T extends true> = T;

/** One direction only: the schema accepts every value of the type (for a schema that covers several types). */
export type Accepts<S extends z.ZodType, T> = [DeepMutable<T>] extends [z.input<S>] ? true : false;
