import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JobStatus, TokenUsage, ToolKind } from '@megicai/contracts';

const bigintNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** An asset as stored on the job: the storage key, never a URL (URLs are signed per view). */
export interface StoredAsset {
  key: string;
  mimeType: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export type StoredOutput =
  | { text: string; offline: boolean; label?: string; usage?: TokenUsage }
  | { assets: StoredAsset[]; offline: boolean; label?: string };

export interface StoredAttempt {
  provider: string;
  model: string;
  error: string;
  status?: number;
  code?: string;
  /** How long the call took, when it was measured (provider latency analytics). */
  durationMs?: number;
}

@Entity('jobs')
export class Job {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid' }) toolId!: string;
  @Column({ type: 'varchar' }) kind!: ToolKind;
  @Column({ type: 'varchar' }) status!: JobStatus;
  @Column({ type: 'smallint' }) progress!: number;
  /** The validated input, defaults filled in. */
  @Column({ type: 'jsonb' }) input!: Record<string, unknown>;
  /** The prompt sent to the provider (the template rendered, when one was used). */
  @Column({ type: 'text' }) prompt!: string;
  @Column({ type: 'varchar', nullable: true }) requestedProvider!: string | null;
  @Column({ type: 'varchar', nullable: true }) requestedModel!: string | null;
  @Column({ type: 'varchar', nullable: true }) provider!: string | null;
  @Column({ type: 'varchar', nullable: true }) model!: string | null;
  @Column({ type: 'jsonb', nullable: true }) output!: StoredOutput | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  /** milli-credits held for this job */
  @Column({ type: 'bigint', transformer: bigintNumber }) cost!: number;
  @Column() cached!: boolean;
  @Column({ type: 'varchar', nullable: true }) cacheKey!: string | null;
  @Column({ type: 'jsonb' }) attempts!: StoredAttempt[];
  /** How many times a worker started it (BullMQ retries, stalled jobs). */
  @Column({ type: 'int' }) runs!: number;
  @Column({ type: 'uuid', nullable: true }) templateId!: string | null;
  @Column({ type: 'int', nullable: true }) templateVersion!: number | null;
  @Column({ type: 'uuid', nullable: true }) creatorId!: string | null;
  @Column({ type: 'text', nullable: true }) templateTitle!: string | null;
  @Column({ type: 'jsonb', nullable: true }) templateVariables!: Record<string, string> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
