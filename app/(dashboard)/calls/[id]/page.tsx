import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { KeyValueTable } from '@/components/key-value-table';
import { TimeZoneProvider, ZoneNote } from '@/components/local-time';
import { CallTimeline } from '@/components/timeline/call-timeline';
import { CompletenessReport } from '@/components/timeline/completeness-report';
import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { checkCompleteness, eventMarks } from '@/lib/calls/completeness';
import { asRecord, keyValueRows } from '@/lib/calls/key-values';
import { buildTimeline } from '@/lib/calls/timeline';
import { pool } from '@/lib/db';
import { destinationLabel, dispatchConfig } from '@/lib/dispatch/config';
import { env } from '@/lib/env';
import { meaningOf } from '@/lib/providers/lifecycle';
import { lifecycleFor, PROVIDERS } from '@/lib/providers/registry';
import { whatsappContextsHere } from '@/lib/queries/actions/whatsapp-context';
import { getTeamTimeZone } from '@/lib/queries/admin/settings';
import { getCallDetail } from '@/lib/queries/calls/detail';
import { customerHref } from '@/lib/queries/customers/message-state';
import { loadWhatsappTemplates } from '@/lib/whatsapp/templates-store';
import { AnalysisSection } from './analysis-section';
import { CallActions, type CallDecideSettings } from './call-actions';
import { CallHeader } from './call-header';
import { OtherCalls, OtherCallsSkeleton } from './other-calls';
import { ReprocessSection } from './reprocess-section';
import { Section } from './section';
import { TranscriptSection } from './transcript-section';
import { WhatsappSection, WhatsappSkeleton } from './whatsapp-section';

export const metadata = { title: 'Call · Callboard' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One call, everything about it. The first paint is server-rendered from getCall (one indexed
// read per table); the timeline and completeness are pure functions of its events. Only the
// transcript (search, audio seek) runs in the browser; the customer's other calls stream in.
export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [call, teamZone] = await Promise.all([getCallDetail(actor, id), getTeamTimeZone(actor)]);
  if (!call) notFound();

  const providerLabel = PROVIDERS[call.provider]?.label ?? call.provider;
  const lifecycle = lifecycleFor(call.provider);
  const timeline = buildTimeline(call.provider, call.events);
  const completeness = checkCompleteness(call.provider, timeline, { final: call.final, lastEventAt: call.lastEventAt, now: new Date() });
  const marks = eventMarks(completeness);
  const kinds = new Map(completeness.attempts.map((a) => [a.number, a.kindLabel]));
  const pendingActions = call.actions.filter((a) => a.status === 'pending').map((a) => a.id);
  const config = dispatchConfig(env());
  const mayDecide = can(actor.role, 'actions:decide');
  const decide: CallDecideSettings = {
    mayDecide,
    role: actor.role,
    currency: config.currency,
    templates: mayDecide ? (await loadWhatsappTemplates(pool())).templates : [],
    destinations: Object.fromEntries(call.actions.map((a) => [a.kind, destinationLabel(a.kind, config)])),
    // The customer's WhatsApp service window opens when they write, never at the call; read
    // only for someone who may decide (the facts name the customer).
    whatsapp: mayDecide
      ? Object.fromEntries(
          [
            ...(await whatsappContextsHere(
              pool(),
              call.actions.map((a) => a.id),
            )),
          ].map(([id, c]) => [id, { lastInboundAt: c.lastInboundAt, facts: c.facts }]),
        )
      : {},
    fallbackNumber: call.customerNumber,
    now: Date.now(),
  };

  return (
    <TimeZoneProvider zone={teamZone}>
      <div className="space-y-6">
        <CallHeader
          call={call}
          providerLabel={providerLabel}
          pendingActions={pendingActions}
          mayDecide={decide.mayDecide}
          customerHref={customerHref({ number: call.customerNumber, callId: call.id, whole: can(actor.role, 'personal-data:read') })}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
          <ZoneNote />
          {!can(actor.role, 'personal-data:read') && <span>Names, phone numbers, emails and addresses are masked for your role, wherever they appear.</span>}
        </div>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0 space-y-6">
            <AnalysisSection call={call} />
            <TranscriptSection call={call} providerLabel={providerLabel} />
            <Section
              title="Timeline"
              aside={`${call.events.length} events · ${timeline.attempts.length} ${timeline.attempts.length === 1 ? 'attempt' : 'attempts'}`}
              testId="timeline"
            >
              {call.attempts > timeline.attempts.length && (
                <p className="mb-3 text-xs text-slate-600">
                  {providerLabel} reports {call.attempts} attempts; the events received show {timeline.attempts.length}.
                </p>
              )}
              <CallTimeline timeline={timeline} meaningOf={(type) => meaningOf(lifecycle, type)} marks={marks} kinds={kinds} />
            </Section>
          </div>
          <div className="min-w-0 space-y-6">
            <CallActions actions={call.actions} decide={decide} />
            <Section title="WhatsApp since the call" testId="whatsapp-section">
              <Suspense fallback={<WhatsappSkeleton />}>
                <WhatsappSection actor={actor} callId={call.id} hasNumber={call.customerNumber !== null} />
              </Suspense>
            </Section>
            <Section title="Completeness" testId="completeness-section">
              <CompletenessReport report={completeness} providerLabel={providerLabel} />
            </Section>
            <Section title="Metadata" testId="metadata">
              <KeyValueTable rows={keyValueRows(asRecord(call.metadata))} keys="raw" empty="The provider sent no metadata." />
            </Section>
            <Section title="Variables" testId="variables">
              <KeyValueTable rows={keyValueRows(asRecord(call.variables))} keys="raw" empty="No call variables were set." />
            </Section>
            <Section title="Other calls with this number" testId="other-calls-section">
              <Suspense fallback={<OtherCallsSkeleton />}>
                <OtherCalls actor={actor} callId={call.id} hasNumber={call.customerNumber !== null} />
              </Suspense>
            </Section>
            {can(actor.role, 'deliveries:reprocess') && <ReprocessSection callId={call.id} />}
          </div>
        </div>
      </div>
    </TimeZoneProvider>
  );
}
