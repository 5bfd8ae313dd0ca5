import { registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/** The OpenAI-compatible API (`/api/openai/v1`). */
export class OpenAiCompatConfig {
  /** How long `POST /images/generations` waits for its job before answering 504 (the job goes on; poll /jobs/:id). */
  @IsInt()
  @Min(1)
  @Max(600)
  waitSeconds: number = 120;

  /** How often a waiting image generation looks at its job row. */
  @IsInt()
  @Min(20)
  @Max(5000)
  pollMs: number = 250;
}

export const openAiCompatConfig = registerAs('openaiCompat', () =>
  validateConfig('openaiCompat', OpenAiCompatConfig, {
    waitSeconds: process.env.OPENAI_COMPAT_WAIT_SECONDS,
    pollMs: process.env.OPENAI_COMPAT_POLL_MS,
  }),
);
