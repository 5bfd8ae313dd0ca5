import type { JobStatus } from './enums';

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

export interface JobView {
  id: string;
  toolId: string;
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

/** 200 answer of a text run. */
export interface TextRunResult {
  jobId: string;
  status: 'succeeded';
  output: TextJobOutput;
  cost: number;
  cached: boolean;
  provider: string;
  model: string;
}

/** 202 answer of a media run (or 200 for a cache hit, which is already `succeeded`). */
export interface QueuedRunResult {
  jobId: string;
  status: JobStatus;
  cost: number;
  cached?: boolean;
}

export type RunResult = TextRunResult | QueuedRunResult;
