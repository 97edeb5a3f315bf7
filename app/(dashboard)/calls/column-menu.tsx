'use client';
import { COLUMNS, type ColumnId } from './columns';
import { Popover } from './popover';

export function ColumnMenu({ hidden, onToggle, onReset }: { hidden: Set<ColumnId>; onToggle: (id: ColumnId) => void; onReset: () => void }) {
  return (
    <Popover testId="column-menu" align="right" label="Columns">
      <fieldset>
        <legend className="px-2 pb-1 text-xs font-medium text-slate-500">Show columns</legend>
        {COLUMNS.filter((c) => !c.required).map((c) => (
          <label key={c.id} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
            <input type="checkbox" className="accent-blue-600" checked={!hidden.has(c.id)} onChange={() => onToggle(c.id)} />
            {c.label}
          </label>
        ))}
        <button type="button" onClick={onReset} className="mt-1 w-full rounded px-2 py-1 text-left text-xs text-blue-700 hover:bg-slate-50">
          Reset to default
        </button>
      </fieldset>
    </Popover>
  );
}
