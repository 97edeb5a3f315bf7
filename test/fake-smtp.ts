import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A local SMTP server (the smtp-server package) standing in for the team's mail relay: it
// records every message it accepts, checks the login when one is set, and misbehaves on cue.
// `messages` is what exactly-once is judged by: a Message-ID received twice is a duplicate.

/** ok: accept (250). fail451: refuse for now. reject550: refuse for good. hang: read the message, never answer. */
export type SmtpBehaviour = 'ok' | 'fail451' | 'reject550' | 'hang';

export interface ReceivedMail {
  from: string;
  to: string[];
  messageId: string | null;
  subject: string | null;
  raw: string;
}

export interface FakeSmtp {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Messages whose data arrived, accepted or not. */
  received: number;
  /** SMTP sessions opened. */
  sessions: number;
  /** Behaviours consumed one per message; then 'ok'. */
  script: SmtpBehaviour[];
  close(): Promise<void>;
}

const header = (raw: string, name: string) => new RegExp(`^${name}: *(.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? null;

export async function startFakeSmtp(login?: { user: string; pass: string }): Promise<FakeSmtp> {
  const fake: FakeSmtp = { host: '127.0.0.1', port: 0, messages: [], received: 0, sessions: 0, script: [], close: async () => undefined };
  const server = new SMTPServer({
    logger: false,
    // Plain text on the loopback: the client is told this host is a test host (no STARTTLS).
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !login,
    closeTimeout: 200,
    onConnect(_session, callback) {
      fake.sessions += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.pass) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        fake.received += 1;
        const raw = Buffer.concat(chunks).toString('utf8');
        const behaviour = fake.script.shift() ?? 'ok';
        if (behaviour === 'hang') return;
        if (behaviour === 'fail451') return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        if (behaviour === 'reject550') return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        const from = session.envelope.mailFrom;
        fake.messages.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(raw, 'Message-ID'),
          subject: header(raw, 'Subject'),
          raw,
        });
        callback(null, `OK queued as q${fake.messages.length}`);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.port = (server.server.address() as AddressInfo).port;
  fake.close = () =>
    new Promise((resolve) => {
      for (const connection of server.connections) (connection as { close?: () => void }).close?.();
      server.close(() => resolve());
    });
  return fake;
}
