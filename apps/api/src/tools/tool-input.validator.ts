import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError, JsonSchema } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { ToolsException } from './tools.exception';

export type ToolInput = { prompt: string } & Record<string, unknown>;

/**
 * Validates a run's `input` against the tool's JSON Schema and fills in the schema's defaults, so that the cache key
 * and the provider call see the same normalized options whether or not the caller spelled them out.
 */
export class ToolInputValidator {
  private readonly ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: false, strict: false });
  private readonly compiled = new Map<string, { version: number; validate: ValidateFunction }>();

  constructor() {
    addFormats(this.ajv);
  }

  /** Throws a 400 problem naming every bad field (`input.<name>`); returns a normalized copy. */
  validate(cacheId: string, version: number, schema: JsonSchema, input: unknown): ToolInput {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new ToolsException(ProblemCode.InvalidToolInput, 'input must be an object.', {
        errors: [{ field: 'input', message: 'must be an object' }],
      });
    }
    const copy = structuredClone(input) as Record<string, unknown>;
    if (typeof copy.prompt === 'string') copy.prompt = copy.prompt.trim();
    const validate = this.compile(cacheId, version, schema);
    if (!validate(copy)) {
      throw new ToolsException(ProblemCode.InvalidToolInput, 'The input does not match the tool’s options.', {
        errors: toFieldErrors(validate.errors ?? []),
      });
    }
    return copy as ToolInput;
  }

  private compile(cacheId: string, version: number, schema: JsonSchema): ValidateFunction {
    const hit = this.compiled.get(cacheId);
    if (hit && hit.version === version) return hit.validate;
    const validate = this.ajv.compile(schema);
    this.compiled.set(cacheId, { version, validate });
    return validate;
  }
}

function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = e.instancePath.split('/').filter(Boolean);
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required') path.push(String(params.missingProperty));
    if (e.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
    const field = ['input', ...path].join('.');
    const message =
      e.keyword === 'additionalProperties'
        ? 'is not an option of this tool'
        : e.keyword === 'enum'
          ? `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
          : (e.message ?? 'is invalid');
    const key = `${field}|${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ field, message });
    }
  }
  return out;
}
