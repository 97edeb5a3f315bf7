import { DataTable, EmptyState } from '@/components/data-table';
import { formatDateTime } from '@/lib/format';
import type { ApiTokenListItem } from '@/lib/queries/admin/tokens';
import { RevokeTokenButton } from './revoke-token-button';

export function TokensTable({ tokens }: { tokens: ApiTokenListItem[] }) {
  if (tokens.length === 0) {
    return (
      <EmptyState title="No API tokens yet">
        Create one above; scripts send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </EmptyState>
    );
  }
  return (
    <DataTable columns={['Name', 'Owner', 'Prefix', 'Created', 'Last used', 'Status']}>
      {tokens.map((token) => (
        <tr key={token.id} data-testid="token-row" data-revoked={token.revokedAt ? 'true' : 'false'} className="align-top hover:bg-slate-50">
          <td className="px-4 py-2 font-medium">{token.name}</td>
          <td className="whitespace-nowrap px-4 py-2">
            {token.owner ? (
              <>
                {token.owner.email} <span className="text-xs text-slate-500">({token.owner.role})</span>
              </>
            ) : (
              <span className="text-slate-500" title="Made before users existed; refused when used">
                no user
              </span>
            )}
          </td>
          <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{token.prefix}…</td>
          <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatDateTime(token.createdAt)}</td>
          <td className="whitespace-nowrap px-4 py-2 text-slate-600">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
          <td className="px-4 py-2">
            {token.revokedAt ? (
              <span className="whitespace-nowrap text-slate-500">Revoked {formatDateTime(token.revokedAt)}</span>
            ) : (
              <RevokeTokenButton tokenId={token.id} name={token.name} />
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
