import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { PROMPT_LIMITS, type PromptVariable } from '@megicai/contracts';

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
