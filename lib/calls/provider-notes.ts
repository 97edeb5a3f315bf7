// What a person should be told when a provider leaves something out: where its transcript,
// analysis and call page live, since each provider ships a different part of the call by webhook.

export interface ProviderNotes {
  noDetailPage: string;
  noTranscript: string;
  noAnalysis: string;
}

const NOTES: Readonly<Record<string, ProviderNotes>> = {
  mirai: {
    noDetailPage: 'Mirai sent no link to its call page (detailUrl) for this call.',
    noTranscript: 'Mirai Minds v1 webhooks carry no transcript text. Read it on Mirai’s own call page.',
    noAnalysis: 'Mirai sends its analysis with the end-of-call event, which has not arrived for this call.',
  },
  'mirai-v2': {
    noDetailPage: 'Mirai v2 webhooks carry no link to a call page; look the call id up in Mirai’s console.',
    noTranscript:
      'Mirai v2 sends the transcript with call.processed only when final results are enabled, and transcripts over 512 KB must be fetched from its API. None arrived for this call.',
    noAnalysis: 'Mirai v2 sends analysis with the call only when analysis is enabled for the agent.',
  },
  minivoice: {
    noDetailPage: 'MiniVoice webhooks carry no link to a call page.',
    noTranscript: 'MiniVoice sends no transcript by webhook; it is only available from MiniVoice’s REST API.',
    noAnalysis: 'MiniVoice sends no AI results by webhook.',
  },
  atoms: {
    noDetailPage: 'Atoms webhooks carry no link to a call page; look the call id up in the Atoms call logs.',
    noTranscript: 'Atoms sends the transcript with post-conversation (call.end in the older format); none arrived for this call.',
    noAnalysis: 'Atoms sends its analysis with analytics-completed; none arrived for this call.',
  },
};

const GENERIC: ProviderNotes = {
  noDetailPage: 'This provider sent no link to its own call page.',
  noTranscript: 'This provider sent no transcript for this call.',
  noAnalysis: 'This provider sent no analysis for this call.',
};

export function providerNotes(provider: string): ProviderNotes {
  return NOTES[provider] ?? GENERIC;
}

/** Only http(s) links from provider payloads become hrefs: never `javascript:` or `data:`. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
