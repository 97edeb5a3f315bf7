/** The kind id as stored in action.kind; the UI keys its registry by it. */
export const SEND_WHATSAPP = 'send_whatsapp';
