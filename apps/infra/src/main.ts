import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { environments } from './config';
import { MegicAiStack } from './megicai-stack';

/** `cdk synth` entry: one stack per environment, all from src/config.ts; cdk-nag reports on every synth. */
const app = new App();
for (const config of Object.values(environments)) {
  new MegicAiStack(app, `MegicAI-${config.name}`, { config, description: `MegicAI ${config.name}` });
}
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
app.synth();
