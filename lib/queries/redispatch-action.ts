// Forwarding only: a state change, moved to lib/commands/actions/redispatch.ts (which now drains
// the outbox itself after its commit). Delete once app/api and the server actions import the new path.
export { redispatchAction, type Redispatched } from '@/lib/commands/actions/redispatch';
