import { describe, expect, it } from 'vitest';
import { type CsvCall, callCsvRow, callsCsvHeader } from './calls-csv';

const call: CsvCall = {
  id: '0b9f4c5e-2d7a-4c1b-9e8f-1234567890ab',
  providerCallId: 'call_1',
  provider: 'atoms',
  direction: 'outbound',
  customerNumber: '+919876543210',
  fromNumber: '+918000000000',
  toNumber: '+919876543210',
  agentId: null,
  applicationId: 'app_9',
  status: 'completed',
  providerStatus: 'ended',
  outcome: 'callback_requested',
  occurredAt: new Date('2026-11-22T09:00:00Z'),
  startedAt: new Date('2026-11-22T09:00:00Z'),
  endedAt: new Date('2026-11-22T09:03:20.400Z'),
  lastEventAt: new Date('2026-11-22T09:04:00Z'),
  durationSeconds: 200.44,
  success: false,
  creditsUsed: 3.5,
  pendingActions: 1,
  attempts: 2,
  summary: 'Asked for a callback, "after 6"',
};

describe('calls CSV', () => {
  it('names the zone in the time headers', () => {
    expect(callsCsvHeader('Asia/Kolkata')).toContain(
      ',happened_at (Asia/Kolkata),started_at (Asia/Kolkata),ended_at (Asia/Kolkata),last_activity (Asia/Kolkata),',
    );
  });

  it('writes times in the team zone and escapes the summary', () => {
    expect(callCsvRow(call, 'Asia/Kolkata')).toBe(
      '0b9f4c5e-2d7a-4c1b-9e8f-1234567890ab,call_1,atoms,outbound,+919876543210,+918000000000,+919876543210,app_9,completed,ended,callback_requested,' +
        '2026-11-22 14:30:00,2026-11-22 14:30:00,2026-11-22 14:33:20,2026-11-22 14:34:00,200.4,no,3.5,1,2,"Asked for a callback, ""after 6"""\r\n',
    );
  });

  it('leaves unknown values empty', () => {
    const row = callCsvRow(
      { ...call, occurredAt: new Date('2026-11-22T08:59:58Z'), startedAt: null, durationSeconds: null, success: null, creditsUsed: null, summary: null },
      'UTC',
    );
    expect(row).toContain(',callback_requested,2026-11-22 08:59:58,,2026-11-22 09:03:20,');
    expect(row.endsWith(',2026-11-22 09:04:00,,,,1,2,\r\n')).toBe(true);
  });
});
