import { E2E_PORT } from '../playwright.config';

// The WhatsApp team of e2e/whatsapp.spec.ts: a second server (e2e/global-setup.ts) with the Cloud
// API pointed at a local fake, and Meta's webhook secrets, so the spec can sign what Meta would send.

export const E2E_WA_PORT = Number(process.env.E2E_WA_PORT ?? E2E_PORT + 1000);
export const WA_PHONE_NUMBER_ID = '106540352242922';
export const WA_BUSINESS_NUMBER = '15550783881';
export const WA_ACCESS_TOKEN = 'e2e-whatsapp-access-token';
export const WA_APP_SECRET = 'e2e-whatsapp-app-secret-0123456789';
export const WA_VERIFY_TOKEN = 'e2e-whatsapp-verify-token';
export const WA_TEMPLATE = 'order_address_needed';
