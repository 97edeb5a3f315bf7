'use client';
import { useActionState } from 'react';
import { ActionResult } from '@/components/action-result';
import { perKindToText } from '@/lib/alerts/form';
import type { AlertRule, AlertRulesSettings } from '@/lib/alerts/rules';
import { type SetAlertRulesResult, setAlertRulesAction } from '@/lib/server-actions/set-alert-rules';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const input = 'w-20 rounded border border-slate-300 px-2 py-1 text-sm';

function NumberField({
  name,
  label,
  value,
  fallback,
  unit,
  step = 1,
}: {
  name: string;
  label: string;
  value: number;
  fallback: number;
  unit: string;
  step?: number;
}) {
  return (
    <label className="flex flex-wrap items-center gap-2 text-sm">
      <span className="w-56">{label}</span>
      <input type="number" name={name} defaultValue={value} min={0} step={step} className={input} />
      <span className="text-slate-500">
        {unit} <span className="text-xs">(default {fallback})</span>
      </span>
    </label>
  );
}

function Rule({
  name,
  title,
  description,
  enabled,
  children,
}: {
  name: string;
  title: string;
  description: string;
  enabled: boolean;
  children?: React.ReactNode;
}) {
  return (
    <fieldset className="space-y-2 rounded border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{title}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name={`${name}.enabled`} defaultChecked={enabled} />
        <span>On</span>
        <span className="text-slate-500">— {description}</span>
      </label>
      {children}
    </fieldset>
  );
}

export function AlertRulesForm({
  rules,
  defaults,
  lowBalanceThreshold,
  descriptions,
}: {
  rules: AlertRulesSettings;
  defaults: AlertRulesSettings;
  lowBalanceThreshold: number | null;
  descriptions: Record<AlertRule, string>;
}) {
  const [result, save, pending] = useActionState<SetAlertRulesResult | null, FormData>(setAlertRulesAction, null);
  const window = rules.providerSilent.window;
  // Keyed by the stored value: after saving, the fields show what the database holds.
  return (
    <form key={JSON.stringify(rules)} action={save} className="mt-4 space-y-3">
      <Rule name="waitingApproval" title="Waiting for a decision" description={descriptions.waiting_approval} enabled={rules.waitingApproval.enabled}>
        <NumberField
          name="waitingApproval.minutes"
          label="Longer than"
          value={rules.waitingApproval.minutes}
          fallback={defaults.waitingApproval.minutes}
          unit="min"
        />
        <label className="block text-sm">
          <span>Per action kind, one per line as kind=minutes (e.g. create_order=10)</span>
          <textarea
            name="waitingApproval.perKind"
            defaultValue={perKindToText(rules.waitingApproval.perKind)}
            rows={2}
            spellCheck={false}
            className="mt-1 block w-64 rounded border border-slate-300 px-2 py-1 font-mono text-sm"
          />
        </label>
      </Rule>
      <Rule name="lowCredits" title="Low credits" description={descriptions.low_credits} enabled={rules.lowCredits.enabled}>
        <NumberField
          name="lowCredits.runOutDays"
          label="Running out within"
          value={rules.lowCredits.runOutDays}
          fallback={defaults.lowCredits.runOutDays}
          unit="days"
          step={0.5}
        />
        <p className="text-xs text-slate-500">
          The low-balance threshold is {lowBalanceThreshold === null ? 'not set' : lowBalanceThreshold}; it is set on Analytics.
        </p>
      </Rule>
      <Rule name="providerRefusing" title="Provider refusing deliveries" description={descriptions.provider_refusing} enabled={rules.providerRefusing.enabled}>
        <NumberField
          name="providerRefusing.percent"
          label="Refused share at least"
          value={rules.providerRefusing.percent}
          fallback={defaults.providerRefusing.percent}
          unit="%"
        />
        <NumberField
          name="providerRefusing.minDeliveries"
          label="Of at least"
          value={rules.providerRefusing.minDeliveries}
          fallback={defaults.providerRefusing.minDeliveries}
          unit="deliveries"
        />
        <NumberField
          name="providerRefusing.windowMinutes"
          label="Over the last"
          value={rules.providerRefusing.windowMinutes}
          fallback={defaults.providerRefusing.windowMinutes}
          unit="min"
        />
      </Rule>
      <Rule name="providerSilent" title="Provider silent" description={descriptions.provider_silent} enabled={rules.providerSilent.enabled}>
        <NumberField
          name="providerSilent.hours"
          label="Silent for at least"
          value={rules.providerSilent.hours}
          fallback={defaults.providerSilent.hours}
          unit="hours"
          step={0.25}
        />
        <div className="text-sm">
          <p>Working window in the team&apos;s zone (optional; without it, how often each provider usually delivers is learned from its last week):</p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            {DAYS.map((day, i) => (
              <label key={day} className="flex items-center gap-1">
                <input type="checkbox" name="providerSilent.window.days" value={i} defaultChecked={window?.days.includes(i) ?? false} />
                {day}
              </label>
            ))}
            <input
              type="time"
              name="providerSilent.window.start"
              aria-label="Window start"
              defaultValue={window?.start ?? ''}
              className={input.replace('w-20', 'w-28')}
            />
            <span>to</span>
            <input
              type="time"
              name="providerSilent.window.end"
              aria-label="Window end"
              defaultValue={window?.end ?? ''}
              className={input.replace('w-20', 'w-28')}
            />
          </div>
        </div>
      </Rule>
      <Rule name="dispatchFailed" title="Dispatch failed" description={descriptions.dispatch_failed} enabled={rules.dispatchFailed.enabled} />
      <Rule name="missingEvents" title="Missing events" description={descriptions.missing_events} enabled={rules.missingEvents.enabled} />
      <NumberField
        name="dampingMinutes"
        label="Resolve once the condition has been gone for"
        value={rules.dampingMinutes}
        fallback={defaults.dampingMinutes}
        unit="min"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? 'Saving…' : 'Save'}
      </button>
      <ActionResult result={result} size="sm" />
    </form>
  );
}
