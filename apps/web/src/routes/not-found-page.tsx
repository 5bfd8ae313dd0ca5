import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header';

export function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <PageHeader title="Page not found" />
      <Text>There is nothing at this address.</Text>
      <Button component={Link} to="/">
        Go home
      </Button>
    </Stack>
  );
}
