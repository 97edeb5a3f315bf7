import type { SimCall as StoryCall } from '@/lib/providers/simulate';
import type { SignableProvider, SimProvider } from './sign';

// The simulator's vocabulary is the story contract in lib/providers/simulate.ts.
export { DAY, HOUR, isoMs, isoS, type JsonObject, type JsonValue, MINUTE, SECOND } from '@/lib/providers/simulate';

/** One simulated call, its provider typed for the tests' and tools' tables. */
export interface SimCall extends StoryCall {
  provider: SignableProvider;
  dialect?: Exclude<SimProvider, SignableProvider>;
}

/** A story's outcome name (each story lists its own: lib/providers/<name>/simulate.ts). */
export type SimOutcome = string;
