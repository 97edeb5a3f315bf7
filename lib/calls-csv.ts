import { csvRow } from '@/lib/csv';
import { formatSortableDateTime } from '@/lib/time-zone';

// The columns of the calls CSV export. Times are wall-clock times in the team's zone, named in
// the header, so a spreadsheet shows what the dashboard shows.

export interface CsvCall {
  id: string;
  providerCallId: string;
  provider: string;
  direction: string | null;
  customerNumber: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  agentId: string | null;
  applicationId: string | null;
  status: string;
  providerStatus: string | null;
  outcome: string | null;
  /** When the call happened: what the export's dates filter on. */
  occurredAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  lastEventAt: Date;
  durationSeconds: number | null;
  success: boolean | null;
  creditsUsed: number | null;
  pendingActions: number;
  attempts: number;
  summary: string | null;
}

export function callsCsvHeader(timeZone: string): string {
  return csvRow([
    'call_id',
    'provider_call_id',
    'provider',
    'direction',
    'customer_number',
    'from_number',
    'to_number',
    'agent',
    'status',
    'provider_status',
    'outcome',
    `happened_at (${timeZone})`,
    `started_at (${timeZone})`,
    `ended_at (${timeZone})`,
    `last_activity (${timeZone})`,
    'duration_seconds',
    'success',
    'credits_used',
    'pending_actions',
    'attempts',
    'summary',
  ]);
}

export function callCsvRow(call: CsvCall, timeZone: string): string {
  const time = (d: Date | null) => (d ? formatSortableDateTime(d, timeZone) : null);
  return csvRow([
    call.id,
    call.providerCallId,
    call.provider,
    call.direction,
    call.customerNumber,
    call.fromNumber,
    call.toNumber,
    call.agentId ?? call.applicationId,
    call.status,
    call.providerStatus,
    call.outcome,
    time(call.occurredAt),
    time(call.startedAt),
    time(call.endedAt),
    time(call.lastEventAt),
    call.durationSeconds === null ? null : Math.round(call.durationSeconds * 10) / 10,
    call.success === null ? null : call.success ? 'yes' : 'no',
    call.creditsUsed,
    call.pendingActions,
    call.attempts,
    call.summary,
  ]);
}
