import { Alert, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { marketplaceApi, marketplaceKeys } from '../features/marketplace/marketplace-api';
import { TemplateEditor } from '../features/marketplace/template-editor';

/** `/marketplace/mine/new` creates a draft; `/marketplace/mine/:id/edit` edits (a new version once published). */
export function PromptEditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useQuery({
    queryKey: marketplaceKeys.template(id ?? 'new'),
    queryFn: ({ signal }) => marketplaceApi.get(id!, signal),
    enabled: !!id,
    retry: false,
  });

  if (id && existing.isPending) return <Loader role="status" aria-label="Loading the template" />;
  if (id && existing.isError) {
    return (
      <>
        <PageHeader title="Edit template" />
        <Alert color="red" role="alert">
          {existing.error.message}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={id ? 'Edit template' : 'New template'}
        lead={
          id && existing.data?.publishedAt
            ? `Saving creates version ${existing.data.version + 1}; runs keep the version they used.`
            : 'Saved as a draft: only you can see it until you publish it.'
        }
      />
      <TemplateEditor
        existing={existing.data}
        saveLabel={id ? 'Save changes' : 'Save draft'}
        onSave={async (draft) => {
          const variables = draft.variables.map(
            (v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as typeof v,
          );
          const saved = id
            ? await marketplaceApi.update(id, {
                title: draft.title,
                description: draft.description,
                template: draft.template,
                tags: draft.tags,
                variables,
              })
            : await marketplaceApi.create({ ...draft, variables });
          await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all });
          navigate(id ? `/marketplace/${saved.id}` : '/marketplace/mine');
        }}
      />
    </>
  );
}
