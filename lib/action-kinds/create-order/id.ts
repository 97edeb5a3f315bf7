/** The kind id as stored in action.kind; the UI keys its registry by it. */
export const CREATE_ORDER = 'create_order';
