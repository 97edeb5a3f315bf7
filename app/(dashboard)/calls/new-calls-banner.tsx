'use client';

// New or changed calls that are not on screen are counted here rather than inserted, so the
// row under the pointer never moves; one click reloads the list from the top.

export function NewCallsBanner({ count, many, onShow }: { count: number; many: boolean; onShow: () => void }) {
  if (count === 0) return null;
  const label = `${many ? `${count}+` : count} new ${count === 1 && !many ? 'call' : 'calls'}`;
  return (
    <div role="status" className="sticky top-2 z-10 flex justify-center">
      <button
        type="button"
        onClick={onShow}
        data-testid="new-calls"
        className="rounded-full bg-blue-600 px-4 py-1.5 text-sm font-medium text-white shadow-md hover:bg-blue-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-300"
      >
        ↑ {label} — show
      </button>
    </div>
  );
}
