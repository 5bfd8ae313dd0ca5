import { MigrationInterface, QueryRunner } from 'typeorm';
import { SYSTEM_CREATOR_ID } from '../../marketplace/system-creator';

/**
 * A fresh install's marketplace is not empty: a handful of published example templates by the MegicAI system
 * account. That account cannot sign in (its password hash verifies nothing and its address is `.invalid`, so no
 * reset mail can reach anyone) and earns nothing (`MarketplaceService.payCreator`). It is dated in the past so it
 * never counts as a new user of any day in analytics.
 */
interface Example {
  id: string;
  tool: string;
  kind: 'text' | 'image';
  title: string;
  description: string;
  tags: string[];
  template: string;
  variables: {
    name: string;
    label: string;
    default: string | null;
    choices: string[] | null;
    maxLength: number | null;
  }[];
}

const text = (name: string, label: string, def: string | null, maxLength = 2000) => ({
  name,
  label,
  default: def,
  choices: null,
  maxLength,
});
const choice = (name: string, label: string, choices: string[]) => ({
  name,
  label,
  default: choices[0],
  choices,
  maxLength: null,
});

const TOOL = { chat: '00000000-0000-4000-8000-000000000101', summarize: '00000000-0000-4000-8000-000000000102' };
const IMAGE = '00000000-0000-4000-8000-000000000201';
const CODE = '00000000-0000-4000-8000-000000000105';

const EXAMPLES: Example[] = [
  {
    id: '00000000-0000-4000-8000-000000000901',
    tool: TOOL.chat,
    kind: 'text',
    title: 'Explain it simply',
    description: 'Any topic explained for the audience you pick, with one everyday example.',
    tags: ['learning', 'explain'],
    template:
      'Explain {{topic}} to {{audience:a child|a teenager|an adult beginner|an expert}} in at most five short ' +
      'paragraphs. End with one everyday example.',
    variables: [
      text('topic', 'Topic', 'how vaccines work', 200),
      choice('audience', 'Audience', ['a child', 'a teenager', 'an adult beginner', 'an expert']),
    ],
  },
  {
    id: '00000000-0000-4000-8000-000000000902',
    tool: TOOL.summarize,
    kind: 'text',
    title: 'Meeting notes to action items',
    description: 'Paste raw meeting notes: get decisions, owners and deadlines as a checklist.',
    tags: ['work', 'meetings', 'summary'],
    template:
      'From these meeting notes, list the decisions taken, then the action items as a checklist with owner and ' +
      'deadline when they are given:\n\n{{notes}}',
    variables: [text('notes', 'Meeting notes', null, 8000)],
  },
  {
    id: '00000000-0000-4000-8000-000000000903',
    tool: TOOL.chat,
    kind: 'text',
    title: 'Polite reply to a difficult email',
    description: 'A calm, clear answer to an email you would rather not answer, in the tone you choose.',
    tags: ['email', 'writing', 'work'],
    template:
      'Write a {{tone:friendly|formal|firm}} reply to the email below. Keep it under 150 words, acknowledge the ' +
      "sender's point, and state clearly what happens next.\n\nEmail:\n{{email}}",
    variables: [
      choice('tone', 'Tone', ['friendly', 'formal', 'firm']),
      text('email', 'The email you received', null, 6000),
    ],
  },
  {
    id: '00000000-0000-4000-8000-000000000904',
    tool: CODE,
    kind: 'text',
    title: 'Code review checklist',
    description: 'A reviewer’s eye on a snippet: bugs, edge cases, naming and one suggested improvement.',
    tags: ['code', 'review'],
    template:
      'Review this {{language:TypeScript|Python|Go|Java|SQL}} code. List likely bugs and unhandled edge cases ' +
      'first, then naming or structure issues, then one concrete improvement with code:\n\n{{code}}',
    variables: [
      choice('language', 'Language', ['TypeScript', 'Python', 'Go', 'Java', 'SQL']),
      text('code', 'Code', null, 8000),
    ],
  },
  {
    id: '00000000-0000-4000-8000-000000000905',
    tool: IMAGE,
    kind: 'image',
    title: 'Product photo on a clean background',
    description: 'A studio-style product shot for a shop listing, on the background you pick.',
    tags: ['image', 'product', 'shop'],
    template:
      'Studio product photograph of {{product}} on a {{background:plain white|light wooden table|grey marble}} ' +
      'background, soft daylight, sharp focus, centred, no text.',
    variables: [
      text('product', 'Product', 'a ceramic coffee mug', 200),
      choice('background', 'Background', ['plain white', 'light wooden table', 'grey marble']),
    ],
  },
  {
    id: '00000000-0000-4000-8000-000000000906',
    tool: IMAGE,
    kind: 'image',
    title: 'Children’s book illustration',
    description: 'A warm watercolour scene for a story, with the character and place you describe.',
    tags: ['image', 'illustration', 'kids'],
    template:
      'Watercolour children’s book illustration of {{character}} in {{place}}, warm colours, gentle light, ' +
      'simple shapes, no text.',
    variables: [
      text('character', 'Character', 'a small fox with a red scarf', 200),
      text('place', 'Place', 'a snowy forest', 200),
    ],
  },
];

export class ExampleTemplates1764130000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO users (id, email, password_hash, display_name, role, email_verified, referral_code, created_at)
       VALUES ($1, 'system@megicai.invalid', '!', 'MegicAI examples', 'user', true, 'SYSTEMEXAMPLES', '2026-01-01')
       ON CONFLICT DO NOTHING`,
      [SYSTEM_CREATOR_ID],
    );
    for (const e of EXAMPLES) {
      const values = [e.id, e.tool, e.kind, e.title, e.description, e.tags, e.template, JSON.stringify(e.variables)];
      await q.query(
        `INSERT INTO prompt_templates (id, creator_id, tool_id, tool_kind, title, description, tags, template,
                                       variables, status, version, published_at, created_at)
         VALUES ($1, '${SYSTEM_CREATOR_ID}', $2, $3, $4, $5, $6, $7, $8, 'published', 1, '2026-01-01', '2026-01-01')
         ON CONFLICT DO NOTHING`,
        values,
      );
      await q.query(
        `INSERT INTO prompt_template_versions (template_id, version, title, description, tags, template, variables)
         VALUES ($1, 1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [e.id, e.title, e.description, e.tags, e.template, JSON.stringify(e.variables)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM prompt_template_versions WHERE template_id IN (SELECT id FROM prompt_templates WHERE creator_id = $1)`,
      [SYSTEM_CREATOR_ID],
    );
    await q.query(`DELETE FROM prompt_templates WHERE creator_id = $1`, [SYSTEM_CREATOR_ID]);
    await q.query(`DELETE FROM users WHERE id = $1`, [SYSTEM_CREATOR_ID]);
  }
}
