'use client';
import { placeholders, TEMPLATE_PARAM_SOURCE_LABELS, type WhatsappTemplate } from '@/lib/whatsapp/templates';
import { inputClass } from '../edit-shell';

// One input per {{n}} of a template, named by where its value comes from; prefilled from the call
// and its order by the caller, and editable.

export function ParameterInputs({
  template,
  values,
  onChange,
}: {
  template: WhatsappTemplate;
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const count = placeholders(template.body).length;
  return (
    <>
      {Array.from({ length: count }, (_, i) => {
        const source = template.params[i]?.source;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a placeholder is its number
          <label key={i} className="block text-xs text-slate-600">
            {`{{${i + 1}}}`} {source ? TEMPLATE_PARAM_SOURCE_LABELS[source] : ''}
            <input
              name={`param-${i + 1}`}
              value={values[i] ?? ''}
              onChange={(e) => onChange(Object.assign([...values], { [i]: e.target.value }))}
              placeholder={source === 'link' || source === 'text' ? undefined : 'the call does not say: type it'}
              className={inputClass}
            />
          </label>
        );
      })}
    </>
  );
}
