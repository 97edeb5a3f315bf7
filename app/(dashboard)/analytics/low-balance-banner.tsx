import { isLowBalance } from '@/lib/analytics/run-out';
import type { Actor } from '@/lib/auth/actor';
import { PROVIDERS } from '@/lib/providers/registry';
import { getLowBalanceThreshold } from '@/lib/queries/admin/settings';
import { currentBalance } from '@/lib/queries/analytics/aggregates';

// Across every dashboard page once the balance is at or below the team's threshold. Quiet when
// no threshold is set, and never in the way of the page when the read fails.

export async function LowBalanceBanner({ actor }: { actor: Actor }) {
  try {
    const threshold = await getLowBalanceThreshold(actor);
    if (threshold === null) return null;
    const { balance } = await currentBalance(actor, Object.keys(PROVIDERS));
    if (!isLowBalance(balance, threshold)) return null;
    return (
      <div role="alert" className="border-b border-rose-200 bg-rose-50 px-6 py-2 text-center text-sm text-rose-800" data-testid="low-balance-banner">
        Credits are low: {balance?.toLocaleString('en', { maximumFractionDigits: 2 })} left (warning at {threshold.toLocaleString('en')}).{' '}
        <a href="/analytics" className="font-medium underline">
          See the burn rate
        </a>
      </div>
    );
  } catch (error) {
    console.error(error);
    return null;
  }
}
