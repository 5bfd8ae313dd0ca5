import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import type { DataStores } from './data';
import type { Services } from './services';

/** The alarms an operator is paged for, all to one SNS topic: 5xx rate, p99 latency, queue depth, DB CPU, Redis memory. */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: Record<'http5xx' | 'latencyP99' | 'queueDepth' | 'dbCpu' | 'redisMemory', cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, config: EnvironmentConfig, services: Services, data: DataStores) {
    super(scope, id);
    const a = config.alarms;
    this.topic = new sns.Topic(this, 'Alarms', { displayName: `MegicAI ${config.name} alarms`, enforceSSL: true });
    if (a.email) this.topic.addSubscription(new subscriptions.EmailSubscription(a.email));

    const period = Duration.minutes(5);
    const alb = services.alb.metrics;
    const http5xx = new cloudwatch.MathExpression({
      label: '5xx % of requests',
      expression: '100 * (target5xx + elb5xx) / MAX([requests, 1])',
      usingMetrics: {
        target5xx: alb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period, statistic: 'Sum' }),
        elb5xx: alb.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period, statistic: 'Sum' }),
        requests: alb.requestCount({ period, statistic: 'Sum' }),
      },
      period,
    });
    const redisMemory = new cloudwatch.Metric({
      namespace: 'AWS/ElastiCache',
      metricName: 'DatabaseMemoryUsagePercentage',
      dimensionsMap: { CacheClusterId: data.redisPrimaryNodeId },
      statistic: 'Maximum',
      period,
    });
    const alarm = (name: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
      const created = new cloudwatch.Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new actions.SnsAction(this.topic));
      created.addOkAction(new actions.SnsAction(this.topic));
      return created;
    };
    this.alarms = {
      http5xx: alarm('Http5xxRate', http5xx, a.http5xxPercent, '5xx answers above the share of requests in the config'),
      latencyP99: alarm(
        'LatencyP99',
        services.targetGroup.metrics.targetResponseTime({ statistic: 'p99', period }),
        a.p99LatencySeconds,
        'p99 response time of the API tasks',
      ),
      queueDepth: alarm(
        'QueueDepth',
        services.queueDepth,
        a.queueDepth,
        'media jobs waiting (workers at max or stuck)',
      ),
      dbCpu: alarm('DbCpu', data.database.metricCPUUtilization({ period }), a.dbCpuPercent, 'PostgreSQL CPU'),
      redisMemory: alarm(
        'RedisMemory',
        redisMemory,
        a.redisMemoryPercent,
        'Redis memory (noeviction: full = writes fail)',
      ),
    };
  }
}
