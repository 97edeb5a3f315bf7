import type { ActionKindView } from '../types';
import { OrderChanges } from './changes';
import { OrderDetails } from './details';
import { EditOrderForm } from './edit-form';

export const orderView: ActionKindView = {
  label: 'Order',
  notConfigured: 'No order destination is configured: approving an order records the decision and sends nothing.',
  Details: OrderDetails,
  Edit: EditOrderForm,
  Changes: OrderChanges,
};
