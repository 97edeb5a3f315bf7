import { describe, expect, it } from 'vitest';
import { requiredActionRows } from './required-actions';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));

describe('requiredActionRows', () => {
  const actions = [
    { id: 'b', kind: 'create_order', status: 'pending', createdAt: at(3) },
    { id: 'a', kind: 'create_order', status: 'rejected', createdAt: at(1) },
    { id: 'c', kind: 'send_whatsapp', status: 'dispatched', createdAt: at(2) },
  ];

  it('lists every action of each required kind, oldest first, not only the last one', () => {
    const rows = requiredActionRows(['create_order', 'send_whatsapp'], actions);
    expect(rows.map((r) => [r.kind, r.actions.map((a) => `${a.id}:${a.status}`)])).toEqual([
      ['create_order', ['a:rejected', 'b:pending']],
      ['send_whatsapp', ['c:dispatched']],
    ]);
  });

  it('keeps a required kind nothing was raised for, once, and leaves other kinds out', () => {
    expect(requiredActionRows(['mark_prepaid', 'mark_prepaid'], actions)).toEqual([{ kind: 'mark_prepaid', actions: [] }]);
  });
});
