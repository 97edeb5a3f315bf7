import type { NormalizedEvent } from '@/lib/ingest/types';

// A provider is a plug-in: one folder under lib/providers/ exporting a ProviderDefinition,
// registered in lib/providers/registry.ts, plus one route file. Nothing else changes.

export type Verification = 'valid' | 'invalid' | 'missing' | 'stale' | 'unsigned';

export interface VerifyInput {
  rawBody: Buffer;
  headers: Headers;
  secrets: string[];
  now: Date;
  toleranceSeconds: number;
}

export type VerifyResult =
  | { verification: 'valid' }
  | { verification: 'invalid' | 'missing' | 'stale'; reason: string };

export interface ProviderDefinition {
  /** URL segment and stored provider id: /api/webhooks/<id>. */
  id: string;
  label: string;
  /** Prefix of its settings: <PREFIX>_WEBHOOK_SECRET, <PREFIX>_ALLOW_UNSIGNED. */
  envPrefix: string;
  /** Headers kept on each delivery (lower-case). Signature headers are masked when shown. */
  storedHeaders: readonly string[];
  signatureHeaders: readonly string[];
  /** True when the request carries any of this provider's signature headers. */
  isSigned(headers: Headers): boolean;
  verify(input: VerifyInput): VerifyResult;
  /** Validates the parsed body; throws a ZodError (400) when it breaks the provider's schema. */
  normalize(body: unknown): NormalizedEvent;
}
