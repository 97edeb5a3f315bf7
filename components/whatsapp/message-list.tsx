import { LocalTime } from '@/components/local-time';
import type { WhatsappMessageView } from '@/lib/queries/customers/messages';
import { MessageStateBadge } from './message-state-badge';

// A WhatsApp conversation as bubbles: the customer's on the left, ours on the right with what
// Meta reported; media as its type, caption and file. Oldest first, as a chat reads.

const MEDIA_WORDS: Record<string, string> = {
  image: 'Photo',
  video: 'Video',
  audio: 'Voice note',
  voice: 'Voice note',
  document: 'Document',
  sticker: 'Sticker',
  location: 'Location',
  contacts: 'Contact card',
  button: 'Button reply',
  interactive: 'Reply',
  reaction: 'Reaction',
  template: 'Template',
};

export function MessageBubble({ message }: { message: WhatsappMessageView }) {
  const inbound = message.direction === 'inbound';
  const kind = message.type === 'text' ? null : (MEDIA_WORDS[message.type] ?? message.type.replace(/_/g, ' '));
  const file = [message.filename, message.mimeType].filter(Boolean).join(' · ');
  return (
    <li
      data-testid="wa-message"
      data-direction={message.direction}
      data-message-id={message.id}
      className={`flex ${inbound ? 'justify-start' : 'justify-end'}`}
    >
      <div
        className={`max-w-[85%] min-w-0 space-y-1 rounded-lg px-3 py-2 text-sm shadow-sm ${inbound ? 'rounded-tl-none border border-slate-200 bg-white' : 'rounded-tr-none bg-emerald-50 ring-1 ring-emerald-200'}`}
      >
        <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
          <span className="font-medium text-slate-700">{inbound ? (message.profileName ?? 'Customer') : 'Sent by Callboard'}</span>
          {kind && <span className="rounded bg-slate-100 px-1 text-slate-600">{kind}</span>}
          <LocalTime value={message.sentAt} />
        </p>
        {message.body && <p className="whitespace-pre-wrap break-words text-slate-900">{message.body}</p>}
        {message.caption && <p className="whitespace-pre-wrap break-words text-slate-800 italic">{message.caption}</p>}
        {file && <p className="break-all text-xs text-slate-500">{file}</p>}
        {!message.body && !message.caption && !file && kind && <p className="text-xs text-slate-500">({kind.toLowerCase()}, no text)</p>}
        {message.state && (
          <div className="flex justify-end">
            <MessageStateBadge state={message.state.state} failures={message.state.failures} at={message.state.at} />
          </div>
        )}
      </div>
    </li>
  );
}

export function MessageList({ messages, empty }: { messages: WhatsappMessageView[]; empty?: string }) {
  if (messages.length === 0) return <p className="text-sm text-slate-500">{empty ?? 'No WhatsApp messages.'}</p>;
  return (
    <ul className="space-y-2" data-testid="wa-messages">
      {messages.map((m) => (
        <MessageBubble key={m.id} message={m} />
      ))}
    </ul>
  );
}
