import { Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';

export function Logo() {
  return (
    <UnstyledButton component={Link} to="/" aria-label="MegicAI home">
      <Group gap={8} wrap="nowrap">
        <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
          <path
            d="M8 23V9l8 8 8-8v14"
            fill="none"
            stroke="#fff"
            strokeWidth="3"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <Text component="span" fw={800} fz="lg" visibleFrom="xs">
          MegicAI
        </Text>
      </Group>
    </UnstyledButton>
  );
}
