import type { Judged } from './judge';
import { describeRequest } from './request';

// Plain-text reports of a fuzz run: answers by endpoint and status code, and the failures
// grouped by what went wrong, each with the requests that caused it.

export function statusTable(results: { route: string; status: number | 'ERR' }[]): string {
  const routes = [...new Set(results.map((r) => r.route))].sort();
  const statuses = [...new Set(results.map((r) => String(r.status)))].sort();
  const count = new Map<string, number>();
  for (const r of results) count.set(`${r.route} ${r.status}`, (count.get(`${r.route} ${r.status}`) ?? 0) + 1);
  const header = ['endpoint', ...statuses, 'total'];
  const rows = routes.map((route) => {
    const cells = statuses.map((s) => String(count.get(`${route} ${s}`) ?? ''));
    return [route, ...cells, String(results.filter((r) => r.route === route).length)];
  });
  rows.push(['total', ...statuses.map((s) => String(results.filter((r) => String(r.status) === s).length)), String(results.length)]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Groups failures by problem kind, route, status and error code; lists every request. */
export function failureReport(failed: Judged[], maxPerGroup = Infinity): string {
  const groups = new Map<string, Judged[]>();
  for (const j of failed) {
    let code = '';
    try {
      code = (JSON.parse(j.answer.text) as { error?: { code?: string } }).error?.code ?? '';
    } catch {
      code = j.answer.text.slice(0, 40);
    }
    const key = `${j.problems.map((p) => p.kind).join('+')} · ${j.request.route} · ${j.answer.status} ${code}`;
    groups.set(key, [...(groups.get(key) ?? []), j]);
  }
  const out: string[] = [];
  for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`\n=== [${list.length}×] ${key}`);
    // Shortest first: the nearest thing to a minimal repro leads each group.
    const sorted = [...list].sort((a, b) => (a.request.body?.length ?? 0) + a.request.path.length - ((b.request.body?.length ?? 0) + b.request.path.length));
    for (const j of sorted.slice(0, maxPerGroup)) {
      out.push(`--- ${j.problems.map((p) => `${p.kind}: ${p.detail.slice(0, 200)}`).join('; ')}`);
      out.push(describeRequest(j.request));
    }
    if (sorted.length > maxPerGroup) out.push(`… and ${sorted.length - maxPerGroup} more`);
  }
  return out.join('\n');
}
