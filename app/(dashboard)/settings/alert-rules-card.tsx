import { RULE_DESCRIPTIONS, ruleSummaries } from '@/lib/alerts/rules';
import type { AlertRulesSetting } from '@/lib/queries/alerts/settings';
import { AlertRulesForm } from './alert-rules-form';
import { SetBy } from './set-by';

// The alert rules (lib/alerts/rules.ts): what opens an alert, with the defaults beside each value.
// Approvers see them; admins change them.
export function AlertRulesCard({ setting, canManage }: { setting: AlertRulesSetting | null; canManage: boolean }) {
  return (
    <div id="alert-rules" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="font-medium">Alert rules</h2>
      <p className="mt-1 text-sm text-slate-600">
        What opens an alert. Each opens once when its condition starts, stays open while it holds, and resolves once it has not held for the damping; Slack and
        email (when configured) hear of each opening and resolution once. Rules are evaluated every minute and right after the writes that can change them.
      </p>
      {!setting ? (
        <p className="mt-3 text-sm text-slate-500">Approvers and admins see the alert rules.</p>
      ) : (
        <>
          <p className="mt-3 text-sm" data-testid="alert-rules">
            Now: <strong>{setting.isDefault ? 'the defaults' : 'set by the team'}</strong>
            <SetBy by={setting.updatedBy} at={setting.updatedAt} />
          </p>
          {canManage ? (
            <AlertRulesForm
              rules={setting.rules}
              defaults={setting.defaults}
              lowBalanceThreshold={setting.lowBalanceThreshold}
              descriptions={RULE_DESCRIPTIONS}
            />
          ) : (
            <>
              <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
                {Object.entries(ruleSummaries(setting.rules)).map(([rule, summary]) => (
                  <li key={rule}>{summary}</li>
                ))}
                <li>Resolved once the condition has been gone for {setting.rules.dampingMinutes} min</li>
              </ul>
              <p className="mt-3 text-sm text-slate-500">Only an admin can change them.</p>
            </>
          )}
        </>
      )}
    </div>
  );
}
