import { STORIES, storyById, storyForEndpoint } from './stories';

// The headers each provider attaches to a delivery. Each story signs as its provider does,
// written from the spec (providers.md §1.1, §1.5, §2.1, §3.1) rather than from our verifiers, so
// the simulator is an independent check on them.

/**
 * Providers we can sign for: one per webhook endpoint. Spelled out for the typed tables of
 * tests, fuzz and bench; the values come from the stories (simulator/stories.ts).
 */
export type SignableProvider = 'mirai' | 'minivoice' | 'atoms' | 'mirai-v2';
/** Simulated stories: a provider id, or a dialect of one (atoms-current posts to atoms). */
export type SimProvider = SignableProvider | 'atoms-current';
export const SIM_PROVIDERS = STORIES.map((s) => s.id) as readonly SimProvider[];

/** The endpoint (and signature scheme) a story posts to. */
export function endpointOf(provider: SimProvider): SignableProvider {
  return (storyById(provider)?.endpoint ?? provider) as SignableProvider;
}
/**
 * What generateCalls sends when not told: the providers `npm run dev`, the e2e setup and the
 * bench configure secrets for. The others are opt-in (--providers, or their secret being set).
 */
export const DEFAULT_SIM_PROVIDERS = STORIES.filter((s) => s.byDefault).map((s) => s.id) as readonly SimProvider[];

/** The signature headers `provider` would send for `body` at time `now`. */
export function signFor(provider: SignableProvider, body: string, secret: string, now: Date = new Date()): Record<string, string> {
  const story = storyForEndpoint(provider);
  if (!story) throw new Error(`no simulator story posts to ${provider}`);
  return story.sign(body, secret, now);
}
