import { type CallView, viewToSearchParams } from '@/lib/call-view-filters';

// The CSV of exactly this view (same filters and order, every page), times in the zone the
// page shows them in.
export function ExportLink({ view, timeZone }: { view: CallView; timeZone: string }) {
  const params = viewToSearchParams(view);
  params.set('tz', timeZone);
  return (
    <a
      href={`/api/calls/export?${params.toString()}`}
      download
      data-testid="export-csv"
      className="whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
    >
      Export CSV
    </a>
  );
}
