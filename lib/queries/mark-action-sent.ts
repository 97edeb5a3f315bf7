// Forwarding only: a state change, moved to lib/commands/actions/mark-sent.ts. Delete once app/api
// and the server actions import the new path.
export { markActionSent } from '@/lib/commands/actions/mark-sent';
