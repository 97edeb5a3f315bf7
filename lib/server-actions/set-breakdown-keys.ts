'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { breakdownKeysTextSchema } from '@/lib/analytics/schema';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { setBreakdownKeys } from '@/lib/commands/settings/set-breakdown-keys';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';

export type SetBreakdownKeysResult = ActionResult<{ message: string }>;

/** Form field `keys`: metadata keys, one per line (none: no key is precomputed). */
export const setBreakdownKeysAction = guardedAction(
  {
    permission: 'settings:manage',
    input: breakdownKeysTextSchema,
    fields: (form) => {
      const raw = form.get('keys');
      return typeof raw === 'string' ? raw : '';
    },
  },
  async ({ actor, input: keys }) => {
    const change = await setBreakdownKeys(actor, keys, clientIp(await headers()));
    // The analytics page offers these keys in its picker.
    revalidatePath('/settings');
    revalidatePath('/analytics');
    const now = keys.length ? `Credits are now precomputed by ${keys.join(', ')}` : 'No metadata key is precomputed now';
    return { message: change.changed ? now : 'Nothing changed' };
  },
);
