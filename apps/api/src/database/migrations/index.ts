import { Init1764064800000 } from './1764064800000-init';
import { Credits1764064900000 } from './1764064900000-credits';
import { Idempotency1764065000000 } from './1764065000000-idempotency';
import { AdsRewardsAudit1764066000000 } from './1764066000000-ads-rewards-audit';
import { HouseVideoCreative1764066100000 } from './1764066100000-house-video-creative';
import { Tools1764067000000 } from './1764067000000-tools';
import { Jobs1764067100000 } from './1764067100000-jobs';
import { JobsSweep1764067200000 } from './1764067200000-jobs-sweep';
import { Marketplace1764068000000 } from './1764068000000-marketplace';
import { Premium1764069000000 } from './1764069000000-premium';
import { AnalyticsIndexes1764069500000 } from './1764069500000-analytics-indexes';
import { LedgerSeq1764070000000 } from './1764070000000-ledger-seq';
import { KeysetMillis1764070100000 } from './1764070100000-keyset-millis';
import { ReferralSignups1764081000000 } from './1764081000000-referral-signups';
import { PaymentsStripe1764082000000 } from './1764082000000-payments-stripe';
import { Accounts1764083000000 } from './1764083000000-accounts';
import { SpendLimits1764084000000 } from './1764084000000-spend-limits';
import { Webhooks1764086000000 } from './1764086000000-webhooks';
import { Product1764089000000 } from './1764089000000-product';
import { Conversations1764091000000 } from './1764091000000-conversations';
import { AdsWaterfall1764087000000 } from './1764087000000-ads-waterfall';
import { PromptReports1764093000000 } from './1764093000000-prompt-reports';
import { AnalyticsEvents1764100000000 } from './1764100000000-analytics-events';
import { HouseCreativesAdmin1764110000000 } from './1764110000000-house-creatives-admin';
import { ExampleTemplates1764130000000 } from './1764130000000-example-templates';
import { OutboxQueuePrefix1764140000000 } from './1764140000000-outbox-queue-prefix';
import { MediaJobsGate1764150000000 } from './1764150000000-media-jobs-gate';

/**
 * Every migration, in order. Listed explicitly (not globbed) so that the app, the CLI and the tests load exactly
 * the same set whether they run from TypeScript or compiled JavaScript. Add yours at the end.
 */
export const migrations = [
  Init1764064800000,
  Credits1764064900000,
  Idempotency1764065000000,
  AdsRewardsAudit1764066000000,
  HouseVideoCreative1764066100000,
  Tools1764067000000,
  Jobs1764067100000,
  JobsSweep1764067200000,
  Marketplace1764068000000,
  Premium1764069000000,
  AnalyticsIndexes1764069500000,
  LedgerSeq1764070000000,
  KeysetMillis1764070100000,
  ReferralSignups1764081000000,
  PaymentsStripe1764082000000,
  Accounts1764083000000,
  SpendLimits1764084000000,
  Webhooks1764086000000,
  AdsWaterfall1764087000000,
  Product1764089000000,
  Conversations1764091000000,
  PromptReports1764093000000,
  AnalyticsEvents1764100000000,
  HouseCreativesAdmin1764110000000,
  ExampleTemplates1764130000000,
  OutboxQueuePrefix1764140000000,
  MediaJobsGate1764150000000,
];
