import { serviceWindow } from '@/lib/action-kinds/send-whatsapp/message';
import type { ActionKindView } from '../types';
import { WhatsappDetails, whatsappView } from './details';
import { EditWhatsappForm } from './edit-form';

export const whatsappMessageView: ActionKindView = {
  label: 'WhatsApp',
  notConfigured: 'No WhatsApp destination is configured: approving a message records the decision and sends nothing.',
  Details: WhatsappDetails,
  Edit: EditWhatsappForm,
  // Past the customer's 24-hour window only a pre-approved template may go; nothing to choose
  // when nothing would be sent.
  approveBlocker: ({ payload, reason, windowStart, now, fallbackNumber, destination, template }) => {
    if (!destination) return null;
    const view = whatsappView(payload, reason, windowStart, now, fallbackNumber);
    return !view.windowOpen && !template ? 'The 24-hour window has closed: choose a pre-approved template' : null;
  },
  // The free-form message can go only while the customer's 24-hour window is open.
  deadline: ({ windowStart }) => serviceWindow(windowStart).endsAt?.getTime() ?? null,
};
