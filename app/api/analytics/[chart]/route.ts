// GET /api/analytics/<summary|volume|credits|balance|actions|decisions> — one chart's numbers as JSON, or with ?format=csv as a file.

import { actionsCsv, balanceCsv, decisionsCsv, seriesCsv, summaryCsv } from '@/lib/analytics/csv';
import { analyticsQuerySchema, CHARTS, type ChartName } from '@/lib/analytics/schema';
import { guardedRoute } from '@/lib/handlers/route';
import { AppError } from '@/lib/http/errors';
import { actionsChart, balanceChart, creditsChart, decisionsChart, scopeFor, summaryChart, volumeChart } from '@/lib/queries/analytics/charts';

const isChart = (v: string): v is ChartName => (CHARTS as readonly string[]).includes(v);

function chartParam({ chart = '' }: Record<string, string>): ChartName {
  if (!isChart(chart)) throw new AppError(404, 'not_found', `No chart named ${chart}`);
  return chart;
}

export const GET = guardedRoute({ guard: 'calls:read', params: chartParam, query: analyticsQuerySchema }, async ({ actor, params: chart, query: q }) => {
  const scope = await scopeFor(actor, q);
  let data: object;
  let csv: string;
  switch (chart) {
    case 'summary': {
      const c = await summaryChart(actor, scope);
      data = c;
      csv = summaryCsv(c);
      break;
    }
    case 'volume': {
      const c = await volumeChart(actor, scope, q);
      data = c;
      csv = seriesCsv(c);
      break;
    }
    case 'credits': {
      const c = await creditsChart(actor, scope, q);
      data = c;
      csv = seriesCsv(c);
      break;
    }
    case 'balance': {
      const c = await balanceChart(actor, scope, q);
      data = c;
      csv = balanceCsv(c);
      break;
    }
    case 'actions': {
      const c = await actionsChart(actor, scope);
      data = c;
      csv = actionsCsv(c);
      break;
    }
    case 'decisions': {
      const c = await decisionsChart(actor, scope, q);
      data = c;
      csv = decisionsCsv(c);
      break;
    }
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
});
