import { NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import type { JsonSchema } from '@megicai/contracts';

interface PropertySchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

export type OptionValues = Record<string, unknown>;

function properties(schema: JsonSchema): [string, PropertySchema][] {
  return Object.entries((schema.properties ?? {}) as Record<string, PropertySchema>);
}

export function promptSchema(schema: JsonSchema): PropertySchema {
  return ((schema.properties ?? {}) as Record<string, PropertySchema>).prompt ?? {};
}

/** The schema's defaults, so that the form starts where the API would. */
export function defaultOptions(schema: JsonSchema): OptionValues {
  return Object.fromEntries(
    properties(schema)
      .filter(([name, p]) => name !== 'prompt' && p.default !== undefined)
      .map(([name, p]) => [name, p.default]),
  );
}

const label = (name: string, p: PropertySchema) =>
  p.title ?? name.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

/** The prompt field, sized and capped by the schema. */
export function PromptField({
  schema,
  value,
  onChange,
  error,
  disabled,
}: {
  schema: JsonSchema;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const p = promptSchema(schema);
  return (
    <Textarea
      label={p.title ?? 'Prompt'}
      description={p.maxLength ? `${value.length} / ${p.maxLength} characters` : undefined}
      required
      autosize
      minRows={4}
      maxRows={14}
      maxLength={p.maxLength}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      disabled={disabled}
      data-testid="prompt-input"
    />
  );
}

/** One control per option of the tool's input schema (everything but the prompt). */
export function ToolOptionsForm({
  schema,
  values,
  onChange,
  errors,
  disabled,
}: {
  schema: JsonSchema;
  values: OptionValues;
  onChange: (values: OptionValues) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const set = (name: string, value: unknown) => onChange({ ...values, [name]: value });
  return (
    <>
      {properties(schema)
        .filter(([name]) => name !== 'prompt')
        .map(([name, p]) => {
          const common = {
            label: label(name, p),
            description: p.description,
            error: errors[`input.${name}`],
            disabled,
          };
          if (Array.isArray(p.enum)) {
            return (
              <Select
                key={name}
                {...common}
                data={p.enum.map((v) => String(v))}
                value={values[name] === undefined ? null : String(values[name])}
                onChange={(v) => set(name, v ?? undefined)}
                allowDeselect={false}
              />
            );
          }
          if (p.type === 'integer' || p.type === 'number') {
            return (
              <NumberInput
                key={name}
                {...common}
                min={p.minimum}
                max={p.maximum}
                step={p.type === 'integer' ? 1 : 0.1}
                allowDecimal={p.type === 'number'}
                value={typeof values[name] === 'number' ? (values[name] as number) : ''}
                onChange={(v) => set(name, typeof v === 'number' ? v : undefined)}
              />
            );
          }
          if (p.type === 'boolean') {
            return (
              <Switch
                key={name}
                {...common}
                checked={values[name] === true}
                onChange={(event) => set(name, event.currentTarget.checked)}
              />
            );
          }
          return (
            <TextInput
              key={name}
              {...common}
              maxLength={p.maxLength}
              value={typeof values[name] === 'string' ? (values[name] as string) : ''}
              onChange={(event) => set(name, event.currentTarget.value || undefined)}
            />
          );
        })}
    </>
  );
}
