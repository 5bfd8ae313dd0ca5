import { ApiProperty } from '@nestjs/swagger';

/* OpenAI's wire format is snake_case. */

export class ModelDto {
  @ApiProperty({ example: 'chat', description: "The tool's slug" }) id!: string;
  @ApiProperty({ enum: ['model'] }) object!: 'model';
  @ApiProperty({ description: 'Unix seconds' }) created!: number;
  @ApiProperty({ example: 'megicai' }) owned_by!: string;
}

export class ModelListDto {
  @ApiProperty({ enum: ['list'] }) object!: 'list';
  @ApiProperty({ type: [ModelDto] }) data!: ModelDto[];
}

export class OpenAiErrorBodyDto {
  @ApiProperty() message!: string;
  @ApiProperty({ example: 'invalid_request_error' }) type!: string;
  @ApiProperty({ example: 'insufficient_credits', description: "The platform's problem code" }) code!: string;
  @ApiProperty({ type: 'string', nullable: true }) param!: string | null;
}

/** OpenAI's error shape, which its SDKs turn into `APIError`. */
export class OpenAiErrorDto {
  @ApiProperty({ type: OpenAiErrorBodyDto }) error!: OpenAiErrorBodyDto;
}
