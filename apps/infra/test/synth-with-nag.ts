import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EnvironmentName, environments } from '../src/config';
import { MegicAiStack } from '../src/megicai-stack';

export interface NagFinding {
  level: 'error' | 'warning';
  path: string;
  message: string;
}

/** Synthesizes one environment's stack under cdk-nag's AwsSolutions pack; every unsuppressed finding. */
export function synthWithNag(env: EnvironmentName): { stack: MegicAiStack; findings: NagFinding[] } {
  const app = new App();
  const stack = new MegicAiStack(app, `MegicAI-${env}`, { config: environments[env] });
  Aspects.of(app).add(new AwsSolutionsChecks());
  const annotations = Annotations.fromStack(stack);
  const pattern = Match.stringLikeRegexp('AwsSolutions-.*');
  const findings: NagFinding[] = [
    ...annotations
      .findError('*', pattern)
      .map((m) => ({ level: 'error' as const, path: m.id, message: String(m.entry.data) })),
    ...annotations
      .findWarning('*', pattern)
      .map((m) => ({ level: 'warning' as const, path: m.id, message: String(m.entry.data) })),
  ];
  return { stack, findings };
}
