// Forwarding only: moved to lib/queries/actions/detail.ts. Delete once app/api/actions/[id]
// imports the new path.
export { getActionDetail, type ActionDetail } from './actions/detail';
