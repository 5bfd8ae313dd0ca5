/**
 * The account that publishes the example templates a fresh install starts with (seeded by a migration). It cannot
 * sign in and earns nothing from runs of its templates.
 */
export const SYSTEM_CREATOR_ID = '00000000-0000-4000-8000-000000000900';
