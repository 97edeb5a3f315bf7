// Forwarding only: the action reads are lib/queries/actions/list.ts and detail.ts. Kept so the
// callers of the old lib/queries/actions.ts (app/api/actions, components/app-header.tsx) build
// until they import list.ts directly; delete it then.
export * from './list';
