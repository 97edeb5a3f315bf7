import { z } from 'zod';

// The call's `analysis` JSON column (written by the fold) read back with a schema, so the page
// never trusts its shape: a field that does not fit is dropped, the rest still shows.

const record = z.record(z.string(), z.unknown());

const analysisSchema = z.object({
  insights: record.nullish().catch(null),
  metrics: record.nullish().catch(null),
  outcome: record.nullish().catch(null),
  requiredActions: z.array(z.string()).nullish().catch(null),
  cost: z
    .object({ amount: z.number(), currency: z.string().min(3).max(3) })
    .nullish()
    .catch(null),
});

export interface CallAnalysis {
  insights: Record<string, unknown> | null;
  metrics: Record<string, unknown> | null;
  outcome: Record<string, unknown> | null;
  requiredActions: string[];
  cost: { amount: number; currency: string } | null;
}

export function readAnalysis(value: unknown): CallAnalysis {
  const parsed = analysisSchema.safeParse(value ?? {});
  const a = parsed.success ? parsed.data : {};
  return {
    insights: a.insights ?? null,
    metrics: a.metrics ?? null,
    outcome: a.outcome ?? null,
    requiredActions: a.requiredActions ?? [],
    cost: a.cost ?? null,
  };
}

/** `₹28.50`; an unknown currency code falls back to `28.50 XYZ`. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-IN', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
