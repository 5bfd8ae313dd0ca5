import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type HealthCode = Extract<ProblemCode, 'unauthorized' | 'not_found'>;

export class HealthException extends AppException<HealthCode> {}
