// Meta's subscription handshake (GET on the webhook URL when it is saved in the Meta app):
// hub.mode=subscribe and hub.verify_token equal to WHATSAPP_VERIFY_TOKEN → 200 with hub.challenge
// as the plain body; anything else → 403 with the reason. Pure.

export type HandshakeAnswer = { ok: true; challenge: string } | { ok: false; reason: string };

const MAX_CHALLENGE = 200;

export function answerHandshake(params: URLSearchParams, verifyToken: string | undefined): HandshakeAnswer {
  if (!verifyToken) return { ok: false, reason: 'No WHATSAPP_VERIFY_TOKEN is configured on this server' };
  if (params.get('hub.mode') !== 'subscribe') return { ok: false, reason: 'hub.mode must be "subscribe"' };
  const token = params.get('hub.verify_token') ?? '';
  if (!sameText(token, verifyToken)) return { ok: false, reason: 'hub.verify_token does not match WHATSAPP_VERIFY_TOKEN' };
  const challenge = params.get('hub.challenge') ?? '';
  if (!challenge || challenge.length > MAX_CHALLENGE) return { ok: false, reason: `hub.challenge must be 1 to ${MAX_CHALLENGE} characters` };
  return { ok: true, challenge };
}

/** Compares without stopping at the first difference (the token is a shared secret). */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
