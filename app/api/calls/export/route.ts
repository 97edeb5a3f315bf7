// GET /api/calls/export — the filtered calls list as CSV, streamed; times in the team's zone.
import { clientIp } from '@/lib/auth/sign-in-limit';
import { callCsvRow, callsCsvHeader } from '@/lib/calls-csv';
import { guardedRoute } from '@/lib/handlers/route';
import { auditExport, type ExportRow, exportCalls, exportTimeZone } from '@/lib/queries/calls/export';
import { callExportSchema } from '@/lib/schemas/calls';
import { localDate } from '@/lib/time-zone';

const encoder = new TextEncoder();

export const GET = guardedRoute({ guard: 'calls:read', query: callExportSchema }, async ({ request, actor, query: parsed }) => {
  const timeZone = await exportTimeZone(actor, parsed);
  const filters = { ...parsed, tz: timeZone };
  await auditExport(actor, filters, timeZone, clientIp(request.headers));

  const batches = exportCalls(actor, filters);
  // The first batch is read before answering, so a failing query still gets the JSON error
  // envelope and a status code instead of a truncated file.
  const first = await batches.next();
  const encode = (rows: ExportRow[]) => encoder.encode(rows.map((row) => callCsvRow(row, timeZone)).join(''));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so Excel reads the file as UTF-8 (names, the masking dots).
      controller.enqueue(encoder.encode(`\uFEFF${callsCsvHeader(timeZone)}`));
      if (first.done) controller.close();
      else controller.enqueue(encode(first.value));
    },
    // Pulled only as fast as the client reads: one batch in memory at a time.
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encode(next.value));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="calls-${localDate(new Date(), timeZone)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
