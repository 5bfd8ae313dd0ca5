import { registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/** Conversations (multi-turn text runs). */
export class ConversationsConfig {
  /**
   * Characters of earlier turns sent as context with a message, for tools without their own `context_chars`
   * (roughly 4 characters a token: 16 000 ≈ 4 000 tokens). The oldest turns are dropped first past it.
   */
  @IsInt()
  @Min(200)
  @Max(1_000_000)
  contextChars: number = 16_000;
}

export const conversationsConfig = registerAs('conversations', () =>
  validateConfig('conversations', ConversationsConfig, {
    contextChars: process.env.CONVERSATION_CONTEXT_CHARS,
  }),
);
