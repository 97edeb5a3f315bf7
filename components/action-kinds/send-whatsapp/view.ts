import { chooseTemplate } from '@/lib/action-kinds/send-whatsapp/parameters';
import type { ActionKindView } from '../types';
import { firstTemplate, NO_FACTS, WhatsappDetails, whatsappView } from './details';
import { EditWhatsappForm } from './edit-form';
import { ResendAsTemplate } from './resend';

export const whatsappMessageView: ActionKindView = {
  label: 'WhatsApp',
  notConfigured: 'No WhatsApp destination is configured: approving a message records the decision and sends nothing.',
  Details: WhatsappDetails,
  Edit: EditWhatsappForm,
  Recover: ResendAsTemplate,
  // What goes is the template (chosen with the decision, or on re-send), not the approved text.
  showOutbox: (outbox, approved) => JSON.stringify(outbox.template ?? null) !== JSON.stringify(approved.template ?? null),
  // Outside the customer's service window (they have not written in 24 hours, or ever) only a
  // template may go, with every parameter filled; nothing to choose when nothing would be sent.
  approveBlocker: (ctx) => {
    if (!ctx.destination) return null;
    const view = whatsappView(ctx);
    if (view.template || view.freeTextAllowed) return null;
    if (!ctx.template) return `${view.windowText}: choose a template`;
    const chosen = chooseTemplate(ctx.templates, ctx.template, ctx.templateFacts ?? NO_FACTS);
    return chosen.ok ? null : `${chosen.message}: use Edit`;
  },
  defaultTemplate: (ctx) => (ctx.destination && !whatsappView(ctx).freeTextAllowed ? firstTemplate(ctx) : ''),
  // Free text can go only while the customer's window is open: its close is the deadline.
  deadline: (ctx) => {
    const window = whatsappView(ctx).window;
    return window.open ? window.endsAt.getTime() : null;
  },
};
