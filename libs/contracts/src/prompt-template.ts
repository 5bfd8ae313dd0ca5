import { PROMPT_LIMITS, PROMPT_VARIABLE_NAME, type PromptVariable, type PromptVariableInput } from './marketplace';

/**
 * `{{name}}` or LibreChat-style `{{name:opt1|opt2}}` (inline choices). Names are identifiers; anything else between
 * braces is plain text. One global regex used with String.replace, so substituted values are never re-scanned.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_-]{0,63})\s*(?::([^{}]*))?\}\}/g;

import type { FieldError } from './problem';

type FieldProblem = FieldError;

/** Shared by the API (validation, rendering) and the SPA (live preview while editing). */
export class TemplateSyntaxError extends Error {
  constructor(readonly errors: FieldProblem[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

export interface PromptPlaceholder {
  name: string;
  choices: string[] | null;
}

/** The placeholders in order of first appearance, with inline choices merged per name. */
export function scanPlaceholders(template: string): PromptPlaceholder[] {
  const byName = new Map<string, PromptPlaceholder>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1];
    const inline = match[2] === undefined ? null : splitChoices(match[2]);
    const seen = byName.get(name);
    if (!seen) byName.set(name, { name, choices: inline });
    else if (inline && !seen.choices) seen.choices = inline;
  }
  return [...byName.values()];
}

function splitChoices(raw: string): string[] | null {
  const list = [
    ...new Set(
      raw
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c.length > 0),
    ),
  ];
  return list.length ? list : null;
}

function humanize(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The variable definitions of a template: every placeholder in the text, completed by what the creator sent.
 * A definition for a name the text does not use, or an inconsistent default, is a 400 naming the variable.
 */
export function defineVariables(template: string, inputs: PromptVariableInput[] = []): PromptVariable[] {
  const placeholders = scanPlaceholders(template);
  const errors: FieldProblem[] = [];
  const known = new Set(placeholders.map((p) => p.name));
  const inputByName = new Map<string, PromptVariableInput>();
  inputs.forEach((input, i) => {
    if (!PROMPT_VARIABLE_NAME.test(input.name))
      errors.push({ field: `variables[${i}].name`, message: `invalid variable name "${input.name}"` });
    else if (!known.has(input.name))
      errors.push({
        field: `variables[${i}].name`,
        message: `"${input.name}" does not appear in the template as {{${input.name}}}`,
      });
    else if (inputByName.has(input.name))
      errors.push({ field: `variables[${i}].name`, message: `"${input.name}" is defined twice` });
    else inputByName.set(input.name, input);
  });
  if (placeholders.length > PROMPT_LIMITS.variables) {
    errors.push({ field: 'template', message: `at most ${PROMPT_LIMITS.variables} variables` });
  }
  const variables = placeholders.map((p): PromptVariable => {
    const input = inputByName.get(p.name);
    const choices = input?.choices?.length ? [...new Set(input.choices)] : p.choices;
    const variable: PromptVariable = {
      name: p.name,
      label: input?.label?.trim() || humanize(p.name),
      default: input?.default ?? null,
      choices,
      maxLength: input?.maxLength ?? null,
    };
    const problem = valueProblem(variable, variable.default);
    if (variable.default !== null && problem) errors.push({ field: `variables.${p.name}.default`, message: problem });
    if (choices && choices.length > PROMPT_LIMITS.choices)
      errors.push({ field: `variables.${p.name}.choices`, message: `at most ${PROMPT_LIMITS.choices} choices` });
    return variable;
  });
  if (errors.length) throw new TemplateSyntaxError(errors);
  return variables;
}

function valueProblem(variable: PromptVariable, value: string | null): string | null {
  if (value === null) return null;
  const max = variable.maxLength ?? PROMPT_LIMITS.value;
  if (value.length > max) return `"${variable.name}" is longer than ${max} characters`;
  if (variable.choices && !variable.choices.includes(value)) {
    return `"${variable.name}" must be one of: ${variable.choices.join(', ')}`;
  }
  return null;
}

/** The value of each variable (given, else its default), or the problems naming each bad one. */
export function resolveValues(
  variables: PromptVariable[],
  given: Record<string, unknown> | undefined,
): Map<string, string> {
  const errors: FieldProblem[] = [];
  const values = new Map<string, string>();
  const defined = new Set(variables.map((v) => v.name));
  for (const name of Object.keys(given ?? {})) {
    if (!defined.has(name)) errors.push({ field: `variables.${name}`, message: `unknown variable "${name}"` });
  }
  for (const variable of variables) {
    const raw = given?.[variable.name];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      errors.push({ field: `variables.${variable.name}`, message: `"${variable.name}" must be a string` });
      continue;
    }
    const value = raw === undefined || raw === null || raw === '' ? variable.default : raw;
    if (value === null || value === '') {
      errors.push({ field: `variables.${variable.name}`, message: `missing variable "${variable.name}"` });
      continue;
    }
    const problem = valueProblem(variable, value);
    if (problem) errors.push({ field: `variables.${variable.name}`, message: problem });
    else values.set(variable.name, value);
  }
  if (errors.length) throw new TemplateSyntaxError(errors);
  return values;
}

/** Plain substitution in one pass: a value containing `{{other}}` stays literal text, nothing is evaluated. */
export function renderTemplate(template: string, values: Map<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
}
