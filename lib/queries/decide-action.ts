// Forwarding only: a state change, moved to lib/commands/actions/decide.ts (which now drains the
// outbox itself after its commit). Delete once app/api and the server actions import the new path.
export { decideAction, type DecidedAction, type DispatchInfo } from '@/lib/commands/actions/decide';
