import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyScope } from '@megicai/contracts';

@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column() name!: string;
  /** The visible start of the key (`mgk_ab12cd34`), so people can tell their keys apart. */
  @Column() prefix!: string;
  @Column() keyHash!: string;
  @Column({ type: 'text', array: true }) scopes!: ApiKeyScope[];
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
