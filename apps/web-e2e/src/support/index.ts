export * from './auth';
export * from './axe';
export * from './platform';
export * from './unique-email';
export * from './mailbox';
