import Link from 'next/link';
import { EmptyState } from '@/components/data-table';

export default function CustomerNotFound() {
  return (
    <div className="space-y-4">
      <Link href="/calls" className="text-sm text-slate-600 hover:text-slate-900">
        ← Calls
      </Link>
      <EmptyState title="No customer here">
        The link names a call without a customer number, or nothing Callboard knows. Open the customer from a call or an action.
      </EmptyState>
    </div>
  );
}
