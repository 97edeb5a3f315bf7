// GET /api/analytics/<summary|volume|credits|balance|actions> — one chart's numbers as JSON, or with ?format=csv as a file.
import { requireActor } from '@/lib/auth/actor';
import { actionsChart, balanceChart, creditsChart, scopeFor, summaryChart, volumeChart } from '@/lib/analytics/charts';
import { actionsCsv, balanceCsv, seriesCsv, summaryCsv } from '@/lib/analytics/csv';
import { analyticsQuerySchema, CHARTS, type ChartName } from '@/lib/analytics/schema';
import { AppError, errorResponse } from '@/lib/http/errors';
import { searchParamsObject } from '@/lib/schemas/calls';

const isChart = (v: string): v is ChartName => (CHARTS as readonly string[]).includes(v);

export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }): Promise<Response> {
  try {
    const { chart } = await params;
    if (!isChart(chart)) throw new AppError(404, 'not_found', `No chart named ${chart}`);
    const actor = await requireActor(request, 'calls:read');
    const q = analyticsQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
    const scope = await scopeFor(actor, q);
    let data: object;
    let csv: string;
    switch (chart) {
      case 'summary': { const c = await summaryChart(actor, scope); data = c; csv = summaryCsv(c); break; }
      case 'volume': { const c = await volumeChart(actor, scope, q); data = c; csv = seriesCsv(c); break; }
      case 'credits': { const c = await creditsChart(actor, scope, q); data = c; csv = seriesCsv(c); break; }
      case 'balance': { const c = await balanceChart(actor, scope, q); data = c; csv = balanceCsv(c); break; }
      case 'actions': { const c = await actionsChart(actor, scope); data = c; csv = actionsCsv(c); break; }
    }
    if (q.format === 'csv') {
      return new Response(csv, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${chart}-${scope.period.from}-${scope.period.to}.csv"`,
          'cache-control': 'no-store',
        },
      });
    }
    return Response.json(data, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
