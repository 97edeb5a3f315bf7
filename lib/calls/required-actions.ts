// The analysis's "required actions" (kinds the provider says the call needs) beside the actions
// actually raised: every action of each kind, not one status per kind, so two orders raised on
// one call are two rows and a rejected first attempt does not hide a pending second one.

export interface RaisedAction {
  id: string;
  kind: string;
  status: string;
  createdAt: Date;
}

export interface RequiredActionRow<A extends RaisedAction = RaisedAction> {
  kind: string;
  /** Every action of this kind raised on the call, oldest first; empty when none arrived. */
  actions: A[];
}

export function requiredActionRows<A extends RaisedAction>(required: readonly string[], actions: readonly A[]): RequiredActionRow<A>[] {
  return [...new Set(required)].map((kind) => ({
    kind,
    actions: actions.filter((a) => a.kind === kind).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }));
}
