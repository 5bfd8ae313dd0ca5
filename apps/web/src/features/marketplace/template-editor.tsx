import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  defineVariables,
  PROMPT_LIMITS,
  renderTemplate,
  resolveValues,
  scanPlaceholders,
  TemplateSyntaxError,
} from '@megicai/contracts';
import type { PromptTemplateView, PromptVariable, PromptVariableInput } from './marketplace-api';
import { isApiError, problemMessage } from '../../api';
import { FormError } from '../../components/form-error';
import { useTools } from './use-tools';
import { initialValues, VariablesForm } from './variables-form';

export interface TemplateDraft {
  title: string;
  description: string;
  toolId: string;
  template: string;
  tags: string[];
  variables: PromptVariableInput[];
}

function problemText(error: unknown): string {
  return error instanceof TemplateSyntaxError ? error.errors.map((e) => e.message).join('; ') : String(error);
}

/** What the API would render with these sample values (or why it would refuse). Cheap enough for every keystroke. */
function previewOf(template: string, definitions: PromptVariableInput[], samples: Record<string, string>) {
  let variables: PromptVariable[];
  try {
    variables = defineVariables(template, definitions);
  } catch (error) {
    return { variables: [] as PromptVariable[], text: null, problem: problemText(error) };
  }
  const values = { ...initialValues(variables), ...samples };
  const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
  try {
    return { variables, text: renderTemplate(template, resolveValues(variables, filled)), problem: null };
  } catch (error) {
    return { variables, text: null, problem: problemText(error) };
  }
}

function draftOf(t?: PromptTemplateView): TemplateDraft {
  return {
    title: t?.title ?? '',
    description: t?.description ?? '',
    toolId: t?.toolId ?? '',
    template: t?.template ?? '',
    tags: t?.tags ?? [],
    variables: t?.variables ?? [],
  };
}

/**
 * Create or edit a template. The variables are read from the text as you type (`{{name}}`, `{{name:a|b}}`), each
 * with its label, default, choices and max length, and the preview renders with sample values exactly as the API
 * will (the same code from the contracts lib).
 */
export function TemplateEditor({
  existing,
  onSave,
  saveLabel,
}: {
  existing?: PromptTemplateView;
  onSave: (draft: TemplateDraft) => Promise<void>;
  saveLabel: string;
}) {
  const tools = useTools();
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOf(existing));
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const names = useMemo(() => scanPlaceholders(draft.template), [draft.template]);
  const definitions: PromptVariableInput[] = names.map(
    (p) => draft.variables.find((v) => v.name === p.name) ?? { name: p.name },
  );
  const setDefinition = (name: string, patch: Partial<PromptVariableInput>) =>
    set(
      'variables',
      definitions.map((v) => (v.name === name ? { ...v, ...patch } : v)),
    );

  const preview = previewOf(draft.template, definitions, samples);

  const save = async () => {
    setSaving(true);
    setFormError(null);
    setErrors({});
    try {
      await onSave({ ...draft, variables: definitions });
    } catch (error) {
      if (isApiError(error)) {
        setErrors(error.fieldErrors());
        setFormError(problemMessage(error));
      } else setFormError('Something went wrong. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <form
        aria-label="Template"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <FormError message={formError} />
          <TextInput
            label="Title"
            required
            maxLength={PROMPT_LIMITS.title}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="Description"
            description="Shown in the marketplace and searched"
            maxLength={PROMPT_LIMITS.description}
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
          />
          <Select
            label="Tool"
            required
            disabled={!!existing}
            data={(tools.data ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.kind})` }))}
            value={draft.toolId || null}
            onChange={(value) => set('toolId', value ?? '')}
            error={errors.toolId}
          />
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            maxTags={PROMPT_LIMITS.tags}
            value={draft.tags}
            onChange={(value) => set('tags', value)}
            error={errors.tags}
          />
          <Textarea
            label="Template text"
            description="Use {{name}} for a variable, {{name:option 1|option 2}} for a choice"
            required
            autosize
            minRows={4}
            maxLength={PROMPT_LIMITS.template}
            value={draft.template}
            onChange={(e) => set('template', e.currentTarget.value)}
            error={errors.template}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          {definitions.length > 0 ? (
            <Stack gap="sm">
              <Title order={2} size="h4">
                Variables
              </Title>
              {definitions.map((v) => (
                <Card key={v.name} withBorder padding="sm" component="fieldset" aria-label={`Variable ${v.name}`}>
                  <Text size="sm" fw={600} mb={4}>
                    <Code>{`{{${v.name}}}`}</Code>
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <TextInput
                      label={`Label of ${v.name}`}
                      value={v.label ?? ''}
                      maxLength={PROMPT_LIMITS.label}
                      onChange={(e) => setDefinition(v.name, { label: e.currentTarget.value || undefined })}
                    />
                    <TextInput
                      label={`Default of ${v.name}`}
                      value={v.default ?? ''}
                      onChange={(e) => setDefinition(v.name, { default: e.currentTarget.value || null })}
                      error={errors[`variables.${v.name}.default`]}
                    />
                    <TagsInput
                      label={`Choices of ${v.name}`}
                      description={
                        names.find((n) => n.name === v.name)?.choices ? 'Inline choices from the text apply' : undefined
                      }
                      value={v.choices ?? []}
                      onChange={(value) => setDefinition(v.name, { choices: value.length ? value : null })}
                    />
                    <NumberInput
                      label={`Max length of ${v.name}`}
                      min={1}
                      max={PROMPT_LIMITS.value}
                      value={v.maxLength ?? ''}
                      onChange={(value) =>
                        setDefinition(v.name, { maxLength: typeof value === 'number' ? value : null })
                      }
                    />
                  </SimpleGrid>
                </Card>
              ))}
            </Stack>
          ) : null}
          <Group>
            <Button type="submit" loading={saving}>
              {saveLabel}
            </Button>
          </Group>
        </Stack>
      </form>
      <Card withBorder padding="lg" component="section" aria-labelledby="preview-title">
        <Stack>
          <Title order={2} size="h4" id="preview-title">
            Preview with sample values
          </Title>
          <VariablesForm
            variables={preview.variables}
            values={{ ...initialValues(preview.variables), ...samples }}
            onChange={setSamples}
          />
          {preview.text !== null ? (
            <Code block data-testid="template-preview" style={{ whiteSpace: 'pre-wrap' }}>
              {preview.text}
            </Code>
          ) : (
            <Alert variant="light" color="gray">
              {draft.template ? preview.problem : 'Write the template text to see a preview.'}
            </Alert>
          )}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
