'use client';
import { type ReactNode, useState } from 'react';
import { DeliveryDetail } from './delivery-detail';

// The cells are rendered on the server; only opening the row needs the browser.
export function DeliveryRow({
  id,
  outcome,
  columnCount,
  canReprocess,
  children,
}: {
  id: string;
  outcome: string;
  columnCount: number;
  canReprocess: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const detailId = `delivery-detail-${id}`;
  return (
    <>
      <tr data-testid="delivery-row" data-delivery-id={id} data-outcome={outcome} className="align-top hover:bg-slate-50">
        {children}
        <td className="whitespace-nowrap px-4 py-2 text-right">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            onClick={() => setOpen((v) => !v)}
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-white"
          >
            {open ? 'Hide' : 'Body & headers'}
          </button>
        </td>
      </tr>
      {open && (
        <tr id={detailId} data-testid="delivery-detail">
          <td colSpan={columnCount} className="bg-slate-50 px-4 py-3">
            <DeliveryDetail id={id} canReprocess={canReprocess} />
          </td>
        </tr>
      )}
    </>
  );
}
