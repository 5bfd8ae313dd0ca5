import { useId, useState } from 'react';
import {
  Button,
  Card,
  Group,
  Input,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyApiErrors } from '../../components/api-form-errors';
import { FormError } from '../../components/form-error';
import { CREATIVE_FILE_TYPES, MAX_CREATIVE_MB, catalogApi, catalogKeys, type NewCreative } from './admin-catalog-api';

interface Values {
  kind: NewCreative['kind'];
  title: string;
  clickUrl: string;
  seconds: number;
  weight: number;
  enabled: boolean;
  url: string;
  html: string;
  upload: string;
}

const INITIAL: Values = {
  kind: 'image',
  title: '',
  clickUrl: 'https://',
  seconds: 20,
  weight: 100,
  enabled: true,
  url: '',
  html: '',
  upload: '',
};

/** The media of the request: the file (uploaded first), the link, or the markup. */
async function toBody(v: Values, file: File | null): Promise<NewCreative> {
  const base = {
    kind: v.kind,
    title: v.title.trim(),
    clickUrl: v.clickUrl.trim(),
    seconds: v.seconds,
    weight: v.weight,
    enabled: v.enabled,
  };
  if (v.kind === 'html') return { ...base, html: v.html };
  if (file) return { ...base, upload: (await catalogApi.upload(file)).upload };
  return { ...base, url: v.url.trim() };
}

/** Adds a house creative: an uploaded image or video, a link to one, or HTML markup (shown without scripts). */
export function AdminCreativeForm() {
  const queryClient = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: INITIAL });
  const create = useMutation({
    mutationFn: async (values: Values) => catalogApi.createCreative(await toBody(values, file)),
    onSuccess: async (creative) => {
      await queryClient.invalidateQueries({ queryKey: catalogKeys.creatives });
      setAdded(`Added “${creative.title}”.`);
      form.reset();
      setFile(null);
      setFileKey((k) => k + 1);
    },
    onError: (error) => setFormError(applyApiErrors(form, error)),
  });
  const media = form.values.kind !== 'html';
  return (
    <Card withBorder radius="md" padding="md">
      <form
        aria-labelledby="new-creative-title"
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          setAdded(null);
          create.mutate(values);
        })}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-creative-title">
            New creative
          </Title>
          <FormError message={formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="Kind"
              data={[
                { value: 'image', label: 'Image' },
                { value: 'video', label: 'Video' },
                { value: 'html', label: 'HTML' },
              ]}
              {...form.getInputProps('kind')}
            />
            <TextInput label="Title" description="The ad's link text" required {...form.getInputProps('title')} />
            <TextInput
              label="Click URL"
              description="http or https"
              type="url"
              required
              {...form.getInputProps('clickUrl')}
            />
            <NumberInput
              label="Shows for (seconds)"
              min={1}
              max={300}
              allowDecimal={false}
              {...form.getInputProps('seconds')}
            />
            <NumberInput
              label="Weight (1–1000)"
              min={1}
              max={1000}
              allowDecimal={false}
              {...form.getInputProps('weight')}
            />
            <Switch label="Served" mt="lg" {...form.getInputProps('enabled', { type: 'checkbox' })} />
          </SimpleGrid>
          {media ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Input.Wrapper
                label="File"
                labelProps={{ htmlFor: fileId }}
                description={`PNG, JPEG, GIF, WebP, MP4 or WebM, up to ${MAX_CREATIVE_MB} MB`}
                error={form.errors.upload}
              >
                <input
                  key={fileKey}
                  id={fileId}
                  type="file"
                  accept={CREATIVE_FILE_TYPES.join(',')}
                  onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                  style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
                />
              </Input.Wrapper>
              <TextInput
                label="Or a link to the file"
                description="https, on a host the site allows (CSP_MEDIA_SOURCES)"
                type="url"
                disabled={file !== null}
                {...form.getInputProps('url')}
              />
            </SimpleGrid>
          ) : (
            <Textarea
              label="HTML"
              description="Markup and CSS only: it plays without scripts"
              autosize
              minRows={4}
              maxRows={12}
              {...form.getInputProps('html')}
            />
          )}
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" role="status">
              {added}
            </Text>
            <Button type="submit" loading={create.isPending}>
              Add creative
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
