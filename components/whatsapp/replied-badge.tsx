// "replied": the customer wrote on WhatsApp after the action was raised; the latest words on hover.

export function RepliedBadge({ replies }: { replies: { count: number; lastAt: string; last: string | null } | null | undefined }) {
  if (!replies) return null;
  return (
    <span
      className="inline-flex max-w-full items-center gap-1 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900"
      data-testid="replied"
      title={replies.last ?? undefined}
    >
      <span className="whitespace-nowrap font-medium">replied{replies.count > 1 ? ` ×${replies.count}` : ''}</span>
      {replies.last && <span className="min-w-0 truncate">“{replies.last}”</span>}
    </span>
  );
}
