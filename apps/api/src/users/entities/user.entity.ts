import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@megicai/contracts';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() email!: string;
  @Column() passwordHash!: string;
  @Column() displayName!: string;
  @Column({ type: 'varchar' }) role!: Role;
  @Column() banned!: boolean;
  @Column() emailVerified!: boolean;
  @Column() referralCode!: string;
  @Column({ type: 'uuid', nullable: true }) referredById!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) premiumUntil!: Date | null;
  /** Set when the account was erased (DELETE /me): the row stays, anonymised, for the ledger. */
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
