import { MAX_BREAKDOWN_KEYS } from '@/lib/analytics/schema';
import type { BreakdownKeysSetting } from '@/lib/queries/admin/settings';
import { BreakdownKeysForm } from './breakdown-keys-form';
import { SetBy } from './set-by';

// The metadata keys the analytics page splits credits by from precomputed numbers, like custom
// dimensions in an analytics tool. Any other key can still be typed there; it is counted live.
export function BreakdownKeysCard({ setting, canManage }: { setting: BreakdownKeysSetting; canManage: boolean }) {
  return (
    <div id="breakdown-keys" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="font-medium">Analytics breakdown keys</h2>
      <p className="mt-1 text-sm text-slate-600">
        The metadata keys (campaign, store …) whose credits are precomputed, so the analytics page splits credits by them at once, however many calls there are.
        Any other key can still be picked there; it is counted from every call, which is slower. Saving counts an added key over every call, which takes a few
        seconds on a large history. Pick keys that group calls: one with a different value on every call (an order id) precomputes a row per call.
      </p>
      <p className="mt-3 text-sm" data-testid="breakdown-keys">
        Now: <strong>{setting.keys.length ? setting.keys.join(', ') : 'none'}</strong>
        {setting.isDefault && <span className="text-slate-500"> (the default)</span>}
        <SetBy by={setting.updatedBy} at={setting.updatedAt} />
      </p>
      {canManage ? (
        <BreakdownKeysForm current={setting.keys} max={MAX_BREAKDOWN_KEYS} />
      ) : (
        <p className="mt-3 text-sm text-slate-500">Only an admin can change them.</p>
      )}
    </div>
  );
}
