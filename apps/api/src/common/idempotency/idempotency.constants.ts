/** Metadata key of @Idempotent(); its own file so the decorator and the interceptor do not import each other. */
export const IDEMPOTENT = 'idempotent';
