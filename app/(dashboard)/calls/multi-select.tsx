'use client';
import { Popover } from './popover';

// Pick any number of values (providers, statuses); none picked means "all".

export interface Option<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  name: string;
  options: Option<T>[];
  selected: T[];
  onChange: (values: T[]) => void;
}

export function MultiSelect<T extends string>({ name, options, selected, onChange }: Props<T>) {
  const summary =
    selected.length === 0
      ? 'All'
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? selected[0])
        : `${selected.length} selected`;
  const toggle = (value: T) => onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <Popover
      testId={`filter-${name.toLowerCase()}`}
      label={
        <>
          <span className="text-slate-500">{name}:</span> <span className={selected.length ? 'font-medium' : ''}>{summary}</span>
        </>
      }
    >
      <fieldset>
        <legend className="sr-only">{name}</legend>
        <ul className="max-h-72 overflow-y-auto">
          {options.map((o) => (
            <li key={o.value}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
                <input type="checkbox" checked={selected.includes(o.value)} onChange={() => toggle(o.value)} className="accent-blue-600" />
                {o.label}
              </label>
            </li>
          ))}
        </ul>
        {selected.length > 0 && (
          <button type="button" onClick={() => onChange([])} className="mt-1 w-full rounded px-2 py-1 text-left text-xs text-blue-700 hover:bg-slate-50">
            Clear {name.toLowerCase()}
          </button>
        )}
      </fieldset>
    </Popover>
  );
}
