// A plain GET form: the filter lives in the URL, so a filtered view can be shared and reloaded.
// No autocomplete: on Back the browser would otherwise refill it as chosen, not as the URL says.
export function AuditFilter({ actions, selected }: { actions: string[]; selected: string | undefined }) {
  // Keep the selected action offered even if the list of actions does not contain it yet.
  const options = selected && !actions.includes(selected) ? [selected, ...actions] : actions;
  return (
    <form method="get" action="/admin/audit" autoComplete="off" className="flex items-end gap-2 text-sm">
      <label className="block">
        <span className="text-slate-700">Action</span>
        <select name="action" defaultValue={selected ?? ''} className="mt-1 block rounded border border-slate-300 px-2 py-1.5">
          <option value="">All actions</option>
          {options.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
        Filter
      </button>
    </form>
  );
}
