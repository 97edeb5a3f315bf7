import { CREATE_ORDER } from '@/lib/action-kinds/create-order/id';
import { SEND_WHATSAPP } from '@/lib/action-kinds/send-whatsapp/id';
import { orderView } from './create-order/view';
import { whatsappMessageView } from './send-whatsapp/view';
import type { ActionKindView } from './types';

// The UI of every action kind, keyed by the id its logic folder exports. A kind without a view
// (mark_prepaid, ...) is shown as its JSON and is not editable. A new kind: its folder, one line.

const VIEWS: Record<string, ActionKindView> = {
  [CREATE_ORDER]: orderView,
  [SEND_WHATSAPP]: whatsappMessageView,
};

export function kindView(kind: string): ActionKindView | null {
  return VIEWS[kind] ?? null;
}
