import { env } from '@/lib/env';
import type { FoldOptions } from './fold';

// The fold is pure; the settings it depends on are read here, by the layer that calls it
// (ingest's store-batch.ts and reprocessing's refold.ts), so both fold with the same ones.

export function foldOptions(): FoldOptions {
  const settings = env();
  return { customerNumberKeys: settings.CUSTOMER_NUMBER_KEYS, defaultPhoneRegion: settings.DEFAULT_PHONE_REGION ?? null };
}
