// A template's body as the customer's phone shows it: a WhatsApp-like bubble, line breaks kept.
export function WhatsappTemplatePreview({ text, label = 'Preview' }: { text: string; label?: string }) {
  return (
    <figure className="mt-2">
      <figcaption className="text-xs font-medium text-slate-600">{label}</figcaption>
      <div className="mt-1 rounded-md bg-[#e5ddd5] p-3">
        <p
          className="max-w-[85%] whitespace-pre-wrap break-words rounded-lg rounded-tl-none bg-white px-3 py-2 text-sm text-slate-900 shadow-sm"
          data-testid="template-preview"
        >
          {text || <span className="text-slate-400">The body is empty: write it as approved in WhatsApp Manager.</span>}
        </p>
      </div>
    </figure>
  );
}
