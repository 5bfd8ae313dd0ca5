import { Alert } from '@mantine/core';
import { PageHeader } from './page-header';

/** Stands in for a page that a later issue builds. */
export function PlaceholderPage({ title, lead }: { title: string; lead: string }) {
  return (
    <>
      <PageHeader title={title} lead={lead} />
      <Alert variant="light" title="Coming soon">
        This page is being built.
      </Alert>
    </>
  );
}
