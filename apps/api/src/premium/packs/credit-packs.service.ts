import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import { type AdminCreditPackView, type CheckoutResult, type CreditPackView, toMilli } from '@megicai/contracts';
import { CheckoutService } from '../checkout.service';
import { toAdminPackView, toPackView } from '../payment-views';
import { PaymentsException } from '../payments.exception';
import { CreditPack } from './credit-pack.entity';

/** What an admin may set on a pack, in edge units (credits, price in the major unit). */
export interface CreditPackInput {
  credits?: number;
  price?: number;
  currency?: string;
  active?: boolean;
  sortOrder?: number;
  stripePriceId?: string | null;
}

/** Credit packs for sale and their checkout; the paid checkout grants a `purchase` (PaymentEventsService). */
@Injectable()
export class CreditPacksService {
  constructor(
    @InjectRepository(CreditPack) private readonly packs: Repository<CreditPack>,
    private readonly checkouts: CheckoutService,
  ) {}

  async listForSale(): Promise<CreditPackView[]> {
    return (await this.packs.find({ where: { active: true }, order: { sortOrder: 'ASC', priceCents: 'ASC' } })).map(
      toPackView,
    );
  }

  async checkout(userId: string, packId: string): Promise<CheckoutResult> {
    const pack = isUUID(packId) ? await this.packs.findOneBy({ id: packId, active: true }) : null;
    if (!pack) throw new PaymentsException('not_found', 'No such credit pack.');
    return this.checkouts.open(userId, { kind: 'pack', pack });
  }

  async listAll(): Promise<AdminCreditPackView[]> {
    return (await this.packs.find({ order: { sortOrder: 'ASC', priceCents: 'ASC' } })).map(toAdminPackView);
  }

  /** `manager`: the admin's transaction, so that the change and its audit entry commit together. */
  async create(input: CreditPackInput, manager: EntityManager): Promise<AdminCreditPackView> {
    const repo = manager.getRepository(CreditPack);
    const pack = repo.create({ active: true, sortOrder: 0, stripePriceId: null, ...toColumns(input) });
    return toAdminPackView(await repo.save(pack));
  }

  /** The pack row is locked for the change, so that its before and after (for the audit log) are exact. */
  async update(
    id: string,
    input: CreditPackInput,
    manager: EntityManager,
  ): Promise<{ before: AdminCreditPackView; after: AdminCreditPackView }> {
    const pack = await this.find(manager, id, true);
    const after = await manager.getRepository(CreditPack).save({ ...pack, ...toColumns(input) });
    return { before: toAdminPackView(pack), after: toAdminPackView(after) };
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<CreditPack> {
    const pack = isUUID(id)
      ? await manager
          .getRepository(CreditPack)
          .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!pack) throw new PaymentsException('not_found', 'No such credit pack.');
    return pack;
  }
}

function toColumns(input: CreditPackInput): Partial<CreditPack> {
  const columns: Partial<CreditPack> = {};
  if (input.credits !== undefined) columns.creditsMilli = toMilli(input.credits);
  if (input.price !== undefined) columns.priceCents = Math.round(input.price * 100);
  if (input.currency !== undefined) columns.currency = input.currency;
  if (input.active !== undefined) columns.active = input.active;
  if (input.sortOrder !== undefined) columns.sortOrder = input.sortOrder;
  if (input.stripePriceId !== undefined) columns.stripePriceId = input.stripePriceId;
  return columns;
}
