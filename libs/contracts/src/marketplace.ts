import type { ToolKind } from './enums';

export const PromptStatus = { Draft: 'draft', Published: 'published', Hidden: 'hidden' } as const;
export type PromptStatus = (typeof PromptStatus)[keyof typeof PromptStatus];
export const PROMPT_STATUSES: readonly PromptStatus[] = Object.values(PromptStatus);

export const PromptSort = { Top: 'top', New: 'new', Popular: 'popular' } as const;
export type PromptSort = (typeof PromptSort)[keyof typeof PromptSort];
export const PROMPT_SORTS: readonly PromptSort[] = Object.values(PromptSort);

/** Limits shared by the API validation and the SPA forms. */
export const PROMPT_LIMITS = {
  title: 120,
  description: 2000,
  template: 8000,
  tags: 10,
  tag: 32,
  variables: 20,
  label: 80,
  choices: 30,
  choice: 200,
  /** Max length of a variable value when the creator sets none. */
  value: 2000,
  review: 2000,
} as const;

/** Variable names in `{{name}}` / `{{name:opt1|opt2}}`. */
export const PROMPT_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export interface PromptVariable {
  name: string;
  label: string;
  default: string | null;
  /** When set, the value must be one of these (the SPA shows a select). */
  choices: string[] | null;
  maxLength: number | null;
}

/** What the creator sends for a variable; everything but the name is optional. */
export interface PromptVariableInput {
  name: string;
  label?: string;
  default?: string | null;
  choices?: string[] | null;
  maxLength?: number | null;
}

export interface PromptCreator {
  id: string;
  displayName: string;
}

/** A template as lists show it. `template` (the text) is shown to its creator (and admins) only. */
export interface PromptTemplateView {
  id: string;
  title: string;
  description: string;
  toolId: string;
  toolKind: ToolKind;
  creator: PromptCreator;
  variables: PromptVariable[];
  ratingAvg: number | null;
  ratingCount: number;
  uses: number;
  tags: string[];
  version: number;
  status: PromptStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  template?: string;
  /** The caller's own rating, when they rated it. */
  myRating?: { stars: number; review: string | null } | null;
}

export interface CreatePromptRequest {
  title: string;
  description: string;
  toolId: string;
  template: string;
  variables?: PromptVariableInput[];
  tags?: string[];
}

export type UpdatePromptRequest = Partial<Omit<CreatePromptRequest, 'toolId'>>;

export interface PromptRatingView {
  templateId: string;
  user: PromptCreator;
  stars: number;
  review: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreatorEarningsView {
  /** Credits (decimals). */
  total: number;
  last30Days: number;
  byTemplate: { templateId: string; title: string; runs: number; earnings: number }[];
}

/** Why a user reports a template (`POST /marketplace/prompts/:id/reports`). */
export const PROMPT_REPORT_REASONS = ['spam', 'abuse', 'copyright', 'other'] as const;
export type PromptReportReason = (typeof PROMPT_REPORT_REASONS)[number];
