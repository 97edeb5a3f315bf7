import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { listApiTokens, listTokenOwners } from '@/lib/queries/admin/tokens';
import { ForbiddenNotice } from '../forbidden-notice';
import { CreateTokenForm } from './create-token-form';
import { TokensTable } from './tokens-table';

export const metadata = { title: 'API tokens · Callboard' };

// Tokens for scripts calling the JSON API. Each acts as a user, with that user's current role.
export default async function TokensPage() {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  if (!can(actor.role, 'tokens:manage')) return <ForbiddenNotice actor={actor} permission="tokens:manage" title="API token management" />;
  const [tokens, owners] = await Promise.all([listApiTokens(actor), listTokenOwners(actor)]);
  const live = tokens.filter((token) => !token.revokedAt).length;
  return (
    <section className="space-y-6">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="text-sm text-slate-500">{live} active</p>
      </div>
      <CreateTokenForm owners={owners} defaultOwnerId={actor.userId} />
      <TokensTable tokens={tokens} />
    </section>
  );
}
