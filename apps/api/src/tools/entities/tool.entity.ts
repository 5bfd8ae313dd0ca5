import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JsonSchema, ToolKind } from '@megicai/contracts';

const bigintNumber = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('tools')
export class Tool {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @Column({ type: 'varchar' }) kind!: ToolKind;
  @Column() description!: string;
  /** milli-credits */
  @Column({ type: 'bigint', transformer: bigintNumber }) creditCost!: number;
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber }) offerCost!: number | null;
  /** The offer is in force from `offerStartsAt` (null: already) until `offerEndsAt` (null: no end). */
  @Column({ type: 'timestamptz', nullable: true }) offerStartsAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) offerEndsAt!: Date | null;
  @Column() premiumOnly!: boolean;
  @Column() enabled!: boolean;
  @Column({ type: 'text', array: true }) providers!: string[];
  @Column({ type: 'varchar', nullable: true }) defaultModel!: string | null;
  /** Instructions for text tools; `{{option}}` placeholders take the run's input options. */
  @Column({ type: 'text', nullable: true }) systemPrompt!: string | null;
  /** Characters of earlier turns a conversation sends as context; the platform default when null. */
  @Column({ type: 'integer', nullable: true }) contextChars!: number | null;
  @Column({ type: 'jsonb' }) inputSchema!: JsonSchema;
  @Column() sortOrder!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
