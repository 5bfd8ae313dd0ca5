export * from './enums';
export * from './money';
export * from './problem';
export * from './pagination';
export * from './auth';
export * from './tools';
export * from './jobs';
export * from './marketplace';
