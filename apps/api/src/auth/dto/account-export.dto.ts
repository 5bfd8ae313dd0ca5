import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users/dto/user.dto';

const rows = (description: string) =>
  ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description });

/** The shape of GET /me/export (documentation only: the service builds the document). */
export class AccountExportDto {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ type: UserDto, description: 'The profile, plus referredById and updatedAt' }) profile!: UserDto;
  @rows('Every ledger entry, oldest first (credits as decimals)') ledger!: object[];
  @rows('Every job with its prompt, input and output') jobs!: object[];
  @rows('Prompt templates the caller created') templates!: object[];
  @rows('Ratings and reviews the caller gave') ratings!: object[];
  @rows('API keys (metadata only: the keys themselves are never stored)') apiKeys!: object[];
  @rows('Spending limits (one row)') limits!: object[];
  @rows('Ad sessions, with the client address they came from') adSessions!: object[];
  @rows('Premium checkouts') checkouts!: object[];
  @rows('Login sessions (refresh families)') sessions!: object[];
}
