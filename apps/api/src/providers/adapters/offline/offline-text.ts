import { seedOf, seededRandom } from './seeded-random';

const STOPWORDS = new Set(
  'a an and are as at be but by can could do does for from how i if in into is it its me my of on or our please so than that the their them then there these they this to was we what when where which who why will with would you your'.split(
    ' ',
  ),
);

const HEADER =
  '> **Offline demo answer.** No AI provider is configured, so this text was composed locally from your prompt.';

type Intent = 'summarize' | 'translate' | 'rewrite' | 'code' | 'answer';

/**
 * A deterministic, plausible-looking Markdown answer built from the prompt alone: the same prompt always gives
 * the same text, it always starts with a visible "offline demo" notice, and its shape follows the tool's intent.
 */
export function composeOfflineText(prompt: string, system = ''): string {
  const intent = intentOf(`${system}\n${prompt}`);
  const keywords = keywordsOf(prompt);
  const sentences = sentencesOf(prompt);
  const rand = seededRandom(seedOf(`${system}|${prompt}`));
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)] as T;
  const topic = keywords.slice(0, 3).join(', ') || 'your request';

  const body: string[] = [];
  switch (intent) {
    case 'summarize':
      body.push(
        `**Summary** (${sentences.length} sentence${sentences.length === 1 ? '' : 's'} in, ${Math.min(3, sentences.length)} out):`,
      );
      for (const s of sentences.slice(0, 3)) body.push(`- ${shorten(s, 140)}`);
      body.push('', `Main themes: ${topic}.`);
      break;
    case 'translate':
      body.push('A real translation needs a language model; here is your text, tidied, so the flow can be tried:', '');
      body.push(sentences.map((s) => shorten(s, 400)).join(' '));
      break;
    case 'rewrite':
      body.push(`**Rewritten** (${pick(['clearer', 'more concise', 'friendlier'])} version):`, '');
      body.push(sentences.map((s) => capitalize(shorten(s.replace(/\s+/g, ' '), 300))).join(' '));
      break;
    case 'code': {
      const lines = prompt.split('\n').filter((l) => l.trim()).length;
      const identifiers = [...new Set(prompt.match(/\b[A-Za-z_][A-Za-z0-9_]{2,}(?=\s*\()/g) ?? [])].slice(0, 5);
      body.push(`This snippet has ${lines} non-empty line${lines === 1 ? '' : 's'}.`);
      body.push(
        identifiers.length
          ? `It calls or defines: ${identifiers.map((i) => `\`${i}\``).join(', ')}.`
          : 'It defines no functions.',
      );
      body.push(
        '',
        '1. Read the inputs and set up state.',
        '2. Do the main work step by step.',
        '3. Return or print the result.',
      );
      break;
    }
    default:
      body.push(`${pick(['Good question', 'Here is a short take', 'In brief'])} on **${topic}**:`, '');
      keywords.slice(0, 4).forEach((k, i) => {
        body.push(`${i + 1}. **${capitalize(k)}**: ${pick(POINTS).replace('{k}', k)}`);
      });
      if (keywords.length === 0) body.push(`1. ${pick(POINTS).replace('{k}', 'the idea')}`);
      body.push('', pick(CLOSERS));
  }
  return [HEADER, '', ...body].join('\n');
}

/** Splits text into the pieces a stream would send: words with their following whitespace. */
export function tokensOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

const POINTS = [
  'start by pinning down what {k} means for you, then look at one concrete example.',
  'the usual trade-off around {k} is speed against care; choose based on what a mistake would cost.',
  'a small experiment with {k} will teach more than a long plan.',
  'write down what you already know about {k}, and the open questions will become obvious.',
];

const CLOSERS = [
  'Configure an AI provider key to get a real answer.',
  'With a provider key set, this answer would come from a real model.',
];

function intentOf(text: string): Intent {
  const t = text.toLowerCase();
  if (/summar|tl;?dr/.test(t)) return 'summarize';
  if (/translat/.test(t)) return 'translate';
  if (/rewrite|rephrase|paraphras/.test(t)) return 'rewrite';
  if (/```|explain (this )?code|function\s*\(|=>|\bdef\s+\w+\(|;\s*$/m.test(t)) return 'code';
  return 'answer';
}

function keywordsOf(text: string): string[] {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]{2,}/gu) ?? []) {
    if (!STOPWORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

function sentencesOf(text: string): string[] {
  const parts = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length ? parts : ['(empty prompt)'];
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * In a conversation, a closing line that shows the earlier turns were received: the turn number and the first
 * question (empty for a one-shot run, whose answer stays exactly as before).
 */
export function conversationNote(history: readonly { role: string; content: string }[] = []): string {
  const questions = history.filter((m) => m.role === 'user');
  if (!questions.length) return '';
  const first = shorten(questions[0]?.content.replace(/\s+/g, ' ').trim() ?? '', 80);
  return `\n\n_Turn ${questions.length + 1} of this conversation, which began with “${first}”._`;
}
