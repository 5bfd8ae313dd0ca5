import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';
/** Opens a route to callers without a token or key; everything else is closed by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
