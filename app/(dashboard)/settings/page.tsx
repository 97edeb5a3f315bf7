import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { getBreakdownKeys, getTimeZoneSetting, getWhatsappTemplates } from '@/lib/queries/admin/settings';
import { getAlertRules } from '@/lib/queries/alerts/settings';
import { AlertRulesCard } from './alert-rules-card';
import { BreakdownKeysCard } from './breakdown-keys-card';
import { SetBy } from './set-by';
import { TimeZoneForm } from './time-zone-form';
import { WhatsappTemplatesCard } from './whatsapp-templates-card';

export const metadata = { title: 'Settings · Callboard' };

// Team settings. Everyone may see them; only admins change them (settings:manage).
export default async function SettingsPage() {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  // The WhatsApp templates are for those who send (approvers and admins); a viewer is told so.
  const [setting, breakdownKeys, whatsappTemplates, alertRules] = await Promise.all([
    getTimeZoneSetting(actor),
    getBreakdownKeys(actor),
    can(actor.role, 'actions:decide') ? getWhatsappTemplates(actor) : null,
    can(actor.role, 'actions:decide') ? getAlertRules(actor) : null,
  ]);
  const canManage = can(actor.role, 'settings:manage');
  // UTC is not in every runtime's list, and a stored alias may not be either.
  const zones = [...new Set(['UTC', ...(setting.timeZone ? [setting.timeZone] : []), ...Intl.supportedValuesOf('timeZone')])];
  return (
    <section className="max-w-2xl space-y-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <div id="time-zone" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="font-medium">Team time zone</h2>
        <p className="mt-1 text-sm text-slate-600">
          Every date on screen, the list&apos;s &ldquo;Today&rdquo; and &ldquo;Last 7 days&rdquo;, and the times in CSV exports use this zone. Until it is set,
          each person sees their browser&apos;s zone. Analytics charts in this zone are precomputed (in UTC until it is set), so they stay fast however many
          calls there are; in any other zone they are counted from every call.
        </p>
        <p className="mt-3 text-sm" data-testid="team-time-zone">
          Now: <strong>{setting.timeZone ?? "each person's browser zone"}</strong>
          <SetBy by={setting.updatedBy} at={setting.updatedAt} />
        </p>
        {canManage ? <TimeZoneForm current={setting.timeZone} zones={zones} /> : <p className="mt-3 text-sm text-slate-500">Only an admin can change it.</p>}
      </div>
      <BreakdownKeysCard setting={breakdownKeys} canManage={canManage} />
      <WhatsappTemplatesCard setting={whatsappTemplates} canManage={canManage} />
      <AlertRulesCard setting={alertRules} canManage={canManage} />
    </section>
  );
}
