// The pending-approvals count in the tab's title, and when a rise in it is news worth a system
// notification. Pure: the watcher (action-notifications.tsx) feeds it what it polls.

const COUNT_PREFIX = /^\(\d+\+?\) /;

/** "(3) Approvals · Callboard"; the title as it was at 0. A title already counted is recounted. */
export function titleWithCount(title: string, pending: number): string {
  const bare = title.replace(COUNT_PREFIX, '');
  if (pending <= 0) return bare;
  return `(${pending > 99 ? '99+' : pending}) ${bare}`;
}

/**
 * What to tell a person when the count moved from `previous` to `current`: only a rise is news
 * (a decision lowers it), and the first count read is where things stand, not news.
 */
export function newActionsNotice(previous: number | null, current: number): { title: string; body: string } | null {
  if (previous === null || current <= previous) return null;
  const added = current - previous;
  return {
    title: added === 1 ? 'A new action to decide' : `${added} new actions to decide`,
    body: `${current} pending in Callboard. Open Approvals to decide.`,
  };
}
