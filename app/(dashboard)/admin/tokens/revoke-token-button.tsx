'use client';
import { useActionState } from 'react';
import { type RevokeApiTokenResult, revokeApiTokenAction } from '@/lib/server-actions/revoke-api-token';

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [result, revoke, pending] = useActionState<RevokeApiTokenResult | null, FormData>(revokeApiTokenAction, null);
  return (
    <form action={revoke} className="space-y-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <div className="flex items-center gap-3">
        <span className="rounded-full bg-status-success/15 px-2 py-0.5 text-xs font-medium text-green-800">Active</span>
        <button
          type="submit"
          disabled={pending}
          aria-label={`Revoke token ${name}`}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60"
        >
          Revoke
        </button>
      </div>
      {result && !result.ok && (
        <p role="alert" className="text-xs text-red-700">
          {result.error}
        </p>
      )}
    </form>
  );
}
