import type { ReactNode } from 'react';
import { KeyValueTable } from '@/components/key-value-table';
import { formatMoney, readAnalysis } from '@/lib/calls/analysis';
import { humanizeKey, keyValueRows } from '@/lib/calls/key-values';
import { requiredActionRows } from '@/lib/calls/required-actions';
import { providerNotes } from '@/lib/providers/registry';
import type { CallDetailView } from '@/lib/queries/calls/detail';
import { Section } from './section';

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </div>
  );
}

function Verdict({ success }: { success: boolean | null }) {
  if (success === null) return <span className="text-slate-400">—</span>;
  return success ? (
    <span className="rounded bg-status-success/15 px-1.5 py-0.5 text-xs font-medium text-green-800">Successful</span>
  ) : (
    <span className="rounded bg-status-failure/15 px-1.5 py-0.5 text-xs font-medium text-red-800">Not successful</span>
  );
}

/** The provider's reading of the call: summary, verdict, insights and metrics as tables, required actions. */
export function AnalysisSection({ call }: { call: CallDetailView }) {
  const analysis = readAnalysis(call.analysis);
  const empty =
    !call.summary &&
    call.success === null &&
    !call.disposition &&
    !analysis.insights &&
    !analysis.metrics &&
    !analysis.outcome &&
    analysis.requiredActions.length === 0 &&
    !analysis.cost;
  if (empty) {
    return (
      <Section title="Analysis" testId="analysis">
        <p className="text-sm text-slate-600">No analysis yet. {providerNotes(call.provider).noAnalysis}</p>
      </Section>
    );
  }
  return (
    <Section title="Analysis" testId="analysis">
      <div className="space-y-4">
        {call.summary ? (
          <p className="text-sm leading-6" data-testid="analysis-summary">
            {call.summary}
          </p>
        ) : (
          <p className="text-sm text-slate-500">No summary was sent.</p>
        )}
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <div>
            <dt className="text-xs text-slate-500">Success</dt>
            <dd>
              <Verdict success={call.success} />
            </dd>
          </div>
          {call.disposition && (
            <div>
              <dt className="text-xs text-slate-500">Disposition</dt>
              <dd>{humanizeKey(call.disposition)}</dd>
            </div>
          )}
          {analysis.cost && (
            <div>
              <dt className="text-xs text-slate-500">Cost</dt>
              <dd>{formatMoney(analysis.cost.amount, analysis.cost.currency)}</dd>
            </div>
          )}
        </dl>
        {analysis.insights && (
          <Part title="Insights">
            <KeyValueTable rows={keyValueRows(analysis.insights)} testId="analysis-insights" />
          </Part>
        )}
        {analysis.metrics && (
          <Part title="Metrics">
            <KeyValueTable rows={keyValueRows(analysis.metrics)} testId="analysis-metrics" />
          </Part>
        )}
        {analysis.outcome && (
          <Part title="Outcome">
            <KeyValueTable rows={keyValueRows(analysis.outcome)} />
          </Part>
        )}
        {analysis.requiredActions.length > 0 && (
          <Part title="Required actions">
            <ul className="space-y-1 text-sm" data-testid="required-actions">
              {requiredActionRows(analysis.requiredActions, call.actions).map(({ kind, actions }) => (
                <li key={kind} className="flex flex-wrap items-baseline gap-2" data-testid="required-action" data-kind={kind} data-count={actions.length}>
                  <span className="font-medium">{humanizeKey(kind)}</span>
                  {actions.length === 0 ? (
                    <span className="text-xs text-slate-500">no action event received</span>
                  ) : (
                    <span className="text-xs text-slate-500">
                      raised {actions.length === 1 ? 'once' : `${actions.length} times`}:{' '}
                      {actions.map((a, i) => (
                        <span key={a.id}>
                          {i > 0 && ', '}
                          <a href={`/approvals/${a.id}`} className="underline" data-testid="required-action-link" data-status={a.status}>
                            {a.status}
                          </a>
                        </span>
                      ))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Part>
        )}
      </div>
    </Section>
  );
}
