import type { ToolKind } from './enums';

/** A JSON Schema (draft 2020-12 subset) describing a tool's `input` object. */
export type JsonSchema = Record<string, unknown>;

/** One tool of the catalog, as `GET /tools` shows it. Credits are decimals. */
export interface ToolView {
  id: string;
  slug: string;
  name: string;
  kind: ToolKind;
  description: string;
  creditCost: number;
  /** A temporary lower price while `offerEndsAt` is in the future; null when there is no running offer. */
  offerCost: number | null;
  /** When the running offer started; null when it has no start date (or there is no offer). */
  offerStartsAt: string | null;
  offerEndsAt: string | null;
  premiumOnly: boolean;
  enabled: boolean;
  /** Provider ids in the order they are tried. */
  providers: string[];
  defaultModel: string | null;
  inputSchema: JsonSchema;
}

/** Body of `POST /tools/:id/run`. */
export interface RunToolRequest {
  input: { prompt: string; [option: string]: unknown };
  provider?: string;
  model?: string;
  templateId?: string;
  variables?: Record<string, string>;
  /** false forces a fresh answer instead of a cached one. */
  cache?: boolean;
}
