import { TEMPLATE_PARAM_SOURCE_LABELS } from '@/lib/whatsapp/templates';
import type { TemplatesSetting } from '@/lib/whatsapp/templates-store';
import { SetBy } from './set-by';
import { draftsFrom, previewOf } from './whatsapp-template-draft';
import { WhatsappTemplatePreview } from './whatsapp-template-preview';
import { WhatsappTemplatesForm } from './whatsapp-templates-form';

// The WhatsApp message templates approvers pick from when the customer has not written in 24
// hours. Admins edit them; approvers see them; viewers send nothing, so they are not shown them.
export function WhatsappTemplatesCard({ setting, canManage }: { setting: TemplatesSetting | null; canManage: boolean }) {
  return (
    <div id="whatsapp-templates" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="font-medium">WhatsApp templates</h2>
      <p className="mt-1 text-sm text-slate-600">
        WhatsApp lets a business write first, or after 24 hours without a message from the customer, only with a template Meta has approved. Add each template
        as it is in WhatsApp Manager: its name, its language and its body with {'{{1}}'}, {'{{2}}'} …, and say what fills each placeholder. Approvers pick one
        and see the message exactly as the customer will read it.
      </p>
      {setting === null ? (
        <p className="mt-3 text-sm text-slate-500">Approvers and admins see the templates.</p>
      ) : (
        <>
          <p className="mt-3 text-sm" data-testid="whatsapp-templates-status">
            Now:{' '}
            <strong>
              {setting.templates.length} template{setting.templates.length === 1 ? '' : 's'}
            </strong>
            {setting.seeded ? <span className="text-slate-500"> (seeded from WHATSAPP_TEMPLATES: names only, until an admin saves the list)</span> : null}
            <SetBy by={setting.updatedBy} at={setting.updatedAt} />
          </p>
          {canManage ? (
            <WhatsappTemplatesForm
              // After saving, the editor shows what the database holds.
              stored={`${setting.updatedAt?.toISOString() ?? 'seed'}:${JSON.stringify(setting.templates)}`}
              templates={setting.templates}
              seeded={setting.seeded}
            />
          ) : (
            <ReadOnlyTemplates setting={setting} />
          )}
        </>
      )}
    </div>
  );
}

function ReadOnlyTemplates({ setting }: { setting: TemplatesSetting }) {
  if (setting.templates.length === 0) return <p className="mt-3 text-sm text-slate-500">No templates yet. Only an admin can add them.</p>;
  return (
    <>
      <ul className="mt-3 space-y-4">
        {draftsFrom(setting.templates).map((draft) => (
          <li key={draft.key} className="border-t border-slate-200 pt-3 text-sm" data-testid="whatsapp-template">
            <p>
              <span className="font-mono">{draft.name}</span> <span className="text-slate-500">· {draft.language}</span>
            </p>
            {draft.params.length > 0 && (
              <ol className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
                {draft.params.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a parameter is its position
                  <li key={i}>
                    <span className="font-mono">{`{{${i + 1}}}`}</span> {TEMPLATE_PARAM_SOURCE_LABELS[p.source]}
                    {p.value ? `: ${p.value}` : ''}
                  </li>
                ))}
              </ol>
            )}
            {draft.body ? <WhatsappTemplatePreview text={previewOf(draft)} /> : <p className="mt-1 text-xs text-slate-500">Body not given yet.</p>}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-slate-500">Only an admin can change them.</p>
    </>
  );
}
