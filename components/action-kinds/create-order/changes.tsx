import type { ChangesProps } from '../types';
import { type LineChange, orderChanges } from './order-changes';

// On the action's page: the order as approved against the order as the agent asked, with what
// the approver changed marked in words and colour (removed, added, changed; old value struck out).

const ROW = { same: '', changed: 'bg-amber-50', removed: 'bg-red-50 text-slate-500', added: 'bg-emerald-50' } as const;
const BADGE = {
  same: null,
  changed: 'bg-amber-100 text-amber-900',
  removed: 'bg-red-100 text-red-900',
  added: 'bg-emerald-100 text-emerald-900',
} as const;

function Badge({ change }: { change: LineChange['change'] }) {
  const tone = BADGE[change];
  if (!tone) return null;
  return (
    <span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}>
      {change === 'changed' ? 'Changed' : change === 'added' ? 'Added' : 'Removed'}
    </span>
  );
}

/** "2 → 3" when the value changed, else the value. */
function Pair({ pair: [before, after], change }: { pair: [string, string]; change: LineChange['change'] }) {
  if (change === 'removed') return <del>{before}</del>;
  if (change === 'added' || before === after) return <>{after}</>;
  return (
    <>
      <del className="text-slate-500">{before}</del> <span aria-hidden>→</span> <ins className="font-medium no-underline">{after}</ins>
    </>
  );
}

export function OrderChanges({ original, edited, currency }: ChangesProps) {
  const { lines, fields } = orderChanges(original, edited, currency);
  const changed = fields.filter((f) => f.changed);
  const unchanged = fields.filter((f) => !f.changed && (f.before !== '—' || f.after !== '—'));
  const lineChanges = lines.filter((l) => l.change !== 'same').length;
  return (
    <div className="space-y-3 text-sm" data-testid="order-changes">
      <p className="text-slate-600">
        {lineChanges + changed.length === 0
          ? 'Approved with no change to the order.'
          : `${lineChanges} ${lineChanges === 1 ? 'line' : 'lines'} and ${changed.length} ${changed.length === 1 ? 'field' : 'fields'} changed from what the agent asked.`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1 font-medium">Item</th>
              <th className="py-1 pl-2 text-right font-medium">Qty</th>
              <th className="py-1 pl-2 text-right font-medium">Price</th>
              <th className="py-1 pl-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line is its place in the comparison; two lines may share a label
              <tr key={i} className={`border-t border-slate-100 ${ROW[line.change]}`} data-testid="line-change" data-change={line.change}>
                <td className="py-1 pr-2">
                  {line.change === 'removed' ? <del>{line.label}</del> : line.label}
                  <Badge change={line.change} />
                </td>
                <td className="whitespace-nowrap py-1 pl-2 text-right tabular-nums">
                  <Pair pair={line.quantity} change={line.change} />
                </td>
                <td className="whitespace-nowrap py-1 pl-2 text-right tabular-nums">
                  <Pair pair={line.price} change={line.change} />
                </td>
                <td className="whitespace-nowrap py-1 pl-2 text-right tabular-nums">
                  <Pair pair={line.total} change={line.change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changed.length > 0 && (
        <table className="w-full">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1 font-medium">Field</th>
              <th className="py-1 font-medium">Agent asked</th>
              <th className="py-1 font-medium">Approved</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((f) => (
              <tr key={f.label} className="border-t border-slate-100 bg-amber-50" data-testid="changed-field" data-field={f.label}>
                <th scope="row" className="py-1 pr-2 text-left font-medium">
                  {f.label}
                </th>
                <td className="py-1 pr-2 text-slate-500">
                  <del>{f.before}</del>
                </td>
                <td className="py-1 font-medium">
                  <ins className="no-underline">{f.after}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unchanged.length > 0 && (
        <details className="text-slate-600">
          <summary className="cursor-pointer">Unchanged ({unchanged.length})</summary>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            {unchanged.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-slate-500">{f.label}</dt>
                <dd>{f.after}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
