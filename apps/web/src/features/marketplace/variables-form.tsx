import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { PROMPT_LIMITS } from '@megicai/contracts';
import type { PromptVariable } from './marketplace-api';

/** Starting values: each variable's default, or empty. */
export function initialValues(variables: PromptVariable[]): Record<string, string> {
  return Object.fromEntries(variables.map((v) => [v.name, v.default ?? '']));
}

/**
 * Inputs generated from a template's variables: a select when the variable has choices, otherwise a text field
 * (multi-line for long values), with the API's field errors (`variables.<name>`) under the matching input.
 */
export function VariablesForm({
  variables,
  values,
  onChange,
  errors = {},
}: {
  variables: PromptVariable[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  errors?: Record<string, string>;
}) {
  const set = (name: string, value: string) => onChange({ ...values, [name]: value });
  return (
    <Stack gap="sm">
      {variables.map((v) => {
        const error = errors[`variables.${v.name}`] ?? errors[v.name];
        const required = v.default === null;
        if (v.choices) {
          return (
            <Select
              key={v.name}
              label={v.label}
              data={v.choices}
              value={values[v.name] || null}
              onChange={(value) => set(v.name, value ?? '')}
              required={required}
              allowDeselect={!required}
              error={error}
              comboboxProps={{ withinPortal: true }}
            />
          );
        }
        const max = v.maxLength ?? PROMPT_LIMITS.value;
        const Input = max > 120 ? Textarea : TextInput;
        return (
          <Input
            key={v.name}
            label={v.label}
            placeholder={v.default ?? undefined}
            value={values[v.name] ?? ''}
            onChange={(event) => set(v.name, event.currentTarget.value)}
            maxLength={max}
            required={required}
            error={error}
            {...(max > 120 ? { autosize: true, minRows: 2 } : {})}
          />
        );
      })}
    </Stack>
  );
}

/**
 * Checks the values before they are sent, with the labels people see (the API's own check stays the authority):
 * an empty required field or a value outside its choices gets one plain sentence under its input.
 */
export function checkVariables(variables: PromptVariable[], values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const v of variables) {
    const value = values[v.name] ?? '';
    const max = v.maxLength ?? PROMPT_LIMITS.value;
    if (value === '' && v.default === null) {
      errors[`variables.${v.name}`] = v.choices ? `Choose a ${v.label.toLowerCase()}.` : `Fill in ${v.label}.`;
    } else if (value !== '' && v.choices && !v.choices.includes(value)) {
      errors[`variables.${v.name}`] = `Pick one of the ${v.label.toLowerCase()} choices.`;
    } else if (value.length > max) {
      errors[`variables.${v.name}`] = `${v.label} is too long (at most ${max} characters).`;
    }
  }
  return errors;
}
