import { MessageList } from '@/components/whatsapp/message-list';
import type { Actor } from '@/lib/auth/actor';
import { listMessagesSinceCall, MESSAGES_LIMIT, type WhatsappMessageView } from '@/lib/queries/customers/messages';

/** The WhatsApp conversation with this call's customer since the call began. Streamed, like the other calls. */
export async function WhatsappSection({ actor, callId, hasNumber }: { actor: Actor; callId: string; hasNumber: boolean }) {
  if (!hasNumber) return <p className="text-sm text-slate-500">The provider sent no customer number, so WhatsApp messages cannot be matched.</p>;
  let messages: WhatsappMessageView[];
  try {
    messages = await listMessagesSinceCall(actor, callId);
  } catch (error) {
    console.error('[call detail] WhatsApp messages failed', error);
    return (
      <p role="alert" className="text-sm text-red-700">
        WhatsApp messages could not be loaded. Reload the page to try again.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <MessageList messages={messages} empty="No WhatsApp messages with this customer since the call." />
      {messages.length === MESSAGES_LIMIT && (
        <p className="text-xs text-slate-500">The {MESSAGES_LIMIT} most recent; all of them are on the customer's page.</p>
      )}
    </div>
  );
}

export function WhatsappSkeleton() {
  return (
    <div className="space-y-2" role="status" aria-busy="true" aria-label="Loading WhatsApp messages">
      {[0, 1].map((i) => (
        <div key={i} className="h-12 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
