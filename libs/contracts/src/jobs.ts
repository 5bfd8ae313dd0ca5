import type { JobStatus, ToolKind } from './enums';

export interface JobAssetView {
  url: string;
  mimeType: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export interface TextJobOutput {
  text: string;
  /** True when the offline demo provider answered: the UI labels it "offline demo". */
  offline: boolean;
  label?: string;
  /** The provider's token counts, when it reports them. */
  usage?: TokenUsage;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface MediaJobOutput {
  assets: JobAssetView[];
  offline: boolean;
  label?: string;
}

export type JobOutput = TextJobOutput | MediaJobOutput;

export interface JobAttemptView {
  provider: string;
  model: string;
  error: string;
  status?: number;
  code?: string;
}

/** The template a job ran through: its title then, and the values of its variables. */
export interface JobTemplateView {
  id: string;
  title: string;
  variables: Record<string, string>;
}

export interface JobView {
  id: string;
  toolId: string;
  kind: ToolKind;
  /** The input as run (defaults filled in); `input.prompt` is the prompt sent (the rendered template, if any). */
  input: Record<string, unknown>;
  /** What the person asked: their prompt, or the rendered template. */
  prompt: string;
  template: JobTemplateView | null;
  status: JobStatus;
  /** 0–100 */
  progress: number;
  output: JobOutput | null;
  error: string | null;
  /** Credits charged (decimal); 0 for a cache hit. */
  cost: number;
  cached: boolean;
  provider: string | null;
  model: string | null;
  attempts: JobAttemptView[];
  templateId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** 202 answer of a media run (or 200 for a cache hit, which is already `succeeded`). */
export interface QueuedRunResult {
  jobId: string;
  status: JobStatus;
  cost: number;
  cached?: boolean;
}
