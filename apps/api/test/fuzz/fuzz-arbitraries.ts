import fc from 'fast-check';

/** A slice of the served OpenAPI document: just what the fuzzer needs to aim at every operation. */
export interface OpenApiSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  $ref?: string;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
}

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema?: OpenApiSchema }[];
  body?: OpenApiSchema;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema?: OpenApiSchema }[];
        requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = (schema: OpenApiSchema | undefined, depth = 0): OpenApiSchema | undefined => {
    if (!schema || depth > 6) return schema;
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], depth + 1);
    if (schema.allOf?.length) return resolve(schema.allOf[0], depth + 1);
    const properties = schema.properties
      ? Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1) ?? {}]))
      : undefined;
    return { ...schema, properties, items: resolve(schema.items, depth + 1) };
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: resolve(Object.values(op.requestBody?.content ?? {})[0]?.schema),
      })),
  );
}

/** Strings an attacker sends: NUL, lone surrogates, huge, unicode, injections, traversal, odd numbers. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\ud83d\ude00',
    '\u202e\u0301',
    'ÅßĆ日本語',
    "' OR 1=1 --",
    '"; DROP TABLE users; --',
    '../../etc/passwd',
    '%00',
    '%',
    '%E0%A4%A',
    '{{constructor}}',
    '__proto__',
    'constructor',
    '-1',
    '0',
    '1e309',
    'NaN',
    '9999999999999999999999',
    'null',
    'true',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'eyJhbGciOiJub25lIn0.e30.',
    'text',
    'image',
    'week',
    'top',
  ),
  fc.uuid(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1000, max: 150_000 }).map((n) => 'A'.repeat(n)),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 63, -(2 ** 31)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      hostileString.filter((k) => k.length < 50),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** A value that mostly fits the schema (to pass validation and reach the handler) with hostile leaves. */
export function valueFor(schema: OpenApiSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  const fitting = (() => {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (schema.format === 'uuid') return fc.uuid();
    switch (schema.type) {
      case 'string':
        return fc.oneof(fc.string({ maxLength: 30 }), hostileString);
      case 'integer':
        return fc.oneof(fc.integer({ min: -5, max: 200 }), hostileNumber);
      case 'number':
        return hostileNumber;
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valueFor(schema.items, depth + 1), { maxLength: 3 });
      case 'object':
      default:
        if (!schema.properties) return hostileValue;
        return fc.record(
          Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, valueFor(v, depth + 1)])),
          { requiredKeys: [] },
        );
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: fitting }, { weight: 1, arbitrary: hostileValue });
}

/** Raw bodies no serializer would write: nesting far past any limit, broken JSON, NUL, lone surrogates. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 65, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 65, max: 20_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => '['.repeat(n)),
  fc.constantFrom(
    '{',
    '{"a":1,}',
    'null',
    '[]',
    '"string"',
    '12',
    '{"email":"a\\u0000b@x.io","password":"\\ud800\\ud800\\ud800\\ud800"}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '\u0000',
    '\ufeff{}',
  ),
);
