import { MigrationInterface, QueryRunner } from 'typeorm';

type Kind = 'text' | 'image' | 'audio' | 'video';

/** Provider order per kind: the default order filtered to the providers that can serve that kind. */
const ORDER: Record<Kind, string[]> = {
  text: ['openai', 'openrouter', 'deepseek', 'huggingface', 'ollama', 'offline'],
  image: ['openai', 'huggingface', 'offline'],
  audio: ['openai', 'offline'],
  video: ['openai', 'offline'],
};

const prompt = (maxLength: number, title = 'Prompt') => ({ type: 'string', title, minLength: 1, maxLength });

interface Seed {
  id: string;
  slug: string;
  name: string;
  kind: Kind;
  description: string;
  /** milli-credits */
  cost: number;
  offerCost?: number;
  offerEndsAt?: string;
  premiumOnly?: boolean;
  system?: string;
  schema: Record<string, unknown>;
}

const object = (properties: Record<string, unknown>) => ({
  type: 'object',
  required: ['prompt'],
  additionalProperties: false,
  properties,
});

const SEEDS: Seed[] = [
  {
    id: '00000000-0000-4000-8000-000000000101',
    slug: 'chat',
    name: 'Chat',
    kind: 'text',
    description: 'Ask anything and get a clear, helpful answer.',
    cost: 1000,
    system: 'You are MegicAI, a helpful assistant. Answer clearly and concisely, using Markdown where it helps.',
    schema: object({
      prompt: prompt(8000, 'Your question'),
      temperature: { type: 'number', title: 'Creativity', minimum: 0, maximum: 2, default: 0.7 },
      maxTokens: { type: 'integer', title: 'Max answer tokens', minimum: 16, maximum: 4000, default: 800 },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000102',
    slug: 'summarize',
    name: 'Summarize',
    kind: 'text',
    description: 'Turn a long text into a short summary.',
    cost: 1000,
    offerCost: 500,
    offerEndsAt: '2027-12-31T23:59:59Z',
    system: 'Summarize the text the user gives you. Length: {{length}}. Keep the key facts, drop the filler.',
    schema: object({
      prompt: prompt(20000, 'Text to summarize'),
      length: { type: 'string', title: 'Length', enum: ['short', 'medium', 'long'], default: 'short' },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000103',
    slug: 'rewrite',
    name: 'Rewrite',
    kind: 'text',
    description: 'Rewrite a text in another tone: formal, casual, friendly or concise.',
    cost: 1000,
    system: 'Rewrite the text the user gives you in a {{tone}} tone. Keep its meaning; answer with the new text only.',
    schema: object({
      prompt: prompt(8000, 'Text to rewrite'),
      tone: {
        type: 'string',
        title: 'Tone',
        enum: ['neutral', 'formal', 'casual', 'friendly', 'concise'],
        default: 'neutral',
      },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000104',
    slug: 'translate',
    name: 'Translate',
    kind: 'text',
    description: 'Translate a text into another language.',
    cost: 1000,
    system: 'Translate the text the user gives you into {{targetLanguage}}. Answer with the translation only.',
    schema: object({
      prompt: prompt(8000, 'Text to translate'),
      targetLanguage: {
        type: 'string',
        title: 'Target language',
        enum: [
          'English',
          'French',
          'German',
          'Spanish',
          'Italian',
          'Portuguese',
          'Dutch',
          'Japanese',
          'Chinese',
          'Arabic',
        ],
        default: 'English',
      },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000105',
    slug: 'code-explain',
    name: 'Explain code',
    kind: 'text',
    description: 'Paste code and get a step-by-step explanation.',
    cost: 1000,
    system: 'Explain the code the user gives you step by step for a {{audience}} reader. Point out bugs you notice.',
    schema: object({
      prompt: prompt(12000, 'Code'),
      audience: {
        type: 'string',
        title: 'Audience',
        enum: ['beginner', 'intermediate', 'expert'],
        default: 'intermediate',
      },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000201',
    slug: 'image',
    name: 'Image generator',
    kind: 'image',
    description: 'Create square images from a description.',
    cost: 5000,
    schema: object({
      prompt: prompt(1000, 'Describe the image'),
      size: { type: 'string', title: 'Size', enum: ['256x256', '512x512', '1024x1024'], default: '512x512' },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000202',
    slug: 'image-wide',
    name: 'Wide image generator',
    kind: 'image',
    description: 'Landscape and portrait images: banners, wallpapers, posters.',
    cost: 5000,
    schema: object({
      prompt: prompt(1000, 'Describe the image'),
      size: {
        type: 'string',
        title: 'Size',
        enum: ['1024x576', '1536x1024', '576x1024', '1024x1536'],
        default: '1024x576',
      },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000203',
    slug: 'image-hd',
    name: 'HD image studio',
    kind: 'image',
    description: 'Premium: large 1024×1024 images.',
    cost: 5000,
    premiumOnly: true,
    schema: object({
      prompt: prompt(2000, 'Describe the image'),
      size: { type: 'string', title: 'Size', enum: ['1024x1024'], default: '1024x1024' },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000301',
    slug: 'text-to-speech',
    name: 'Text to speech',
    kind: 'audio',
    description: 'Read a text aloud in a natural voice.',
    cost: 3000,
    schema: object({
      prompt: prompt(2000, 'Text to speak'),
      voice: {
        type: 'string',
        title: 'Voice',
        enum: ['alloy', 'echo', 'fable', 'onyx', 'nova', 'shimmer'],
        default: 'alloy',
      },
      format: { type: 'string', title: 'Format', enum: ['mp3', 'wav'], default: 'mp3' },
    }),
  },
  {
    id: '00000000-0000-4000-8000-000000000401',
    slug: 'short-video',
    name: 'Short video',
    kind: 'video',
    description: 'A few seconds of video from a description.',
    cost: 15000,
    schema: object({
      prompt: prompt(1000, 'Describe the scene'),
      durationSeconds: { type: 'integer', title: 'Duration (seconds)', minimum: 2, maximum: 8, default: 4 },
      size: { type: 'string', title: 'Size', enum: ['480x270', '640x360', '1280x720'], default: '640x360' },
    }),
  },
];

export class Tools1764067000000 implements MigrationInterface {
  name = 'Tools1764067000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(64) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
        name varchar(100) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('text', 'image', 'audio', 'video')),
        description varchar(1000) NOT NULL DEFAULT '',
        credit_cost bigint NOT NULL CHECK (credit_cost >= 0),
        offer_cost bigint CHECK (offer_cost >= 0),
        offer_ends_at timestamptz,
        premium_only boolean NOT NULL DEFAULT false,
        enabled boolean NOT NULL DEFAULT true,
        providers text[] NOT NULL,
        default_model varchar(200),
        system_prompt text,
        input_schema jsonb NOT NULL,
        sort_order int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    let order = 0;
    for (const s of SEEDS) {
      order += 10;
      await q.query(
        `INSERT INTO tools (id, slug, name, kind, description, credit_cost, offer_cost, offer_ends_at, premium_only,
                            providers, system_prompt, input_schema, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          s.id,
          s.slug,
          s.name,
          s.kind,
          s.description,
          s.cost,
          s.offerCost ?? null,
          s.offerEndsAt ?? null,
          s.premiumOnly ?? false,
          ORDER[s.kind],
          s.system ?? null,
          JSON.stringify(s.schema),
          order,
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tools`);
  }
}
