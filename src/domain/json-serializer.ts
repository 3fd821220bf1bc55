/**
 * Response bodies written by fast-json-stringify (the serializer Fastify compiles from a route's
 * response schema) from a zod schema: only the schema's properties are written, a missing
 * required property throws, so whatever it returns fits the schema.
 */
import fastJson from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * zod's `T | null` is `anyOf: [T, {type: 'null'}]`; fast-json-stringify validates each anyOf
 * branch against the value on every call, so a plain `type: [t, 'null']` is much faster to write.
 */
function simplifyNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplifyNullable);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = Object.fromEntries<unknown>(
    Object.entries(schema).map(([key, value]) => [key, simplifyNullable(value)]),
  );
  const anyOf = node.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const [value, other] = anyOf as JsonSchema[];
    const isNull = (s: JsonSchema | undefined) => s?.type === 'null' && Object.keys(s).length === 1;
    const scalar = isNull(other) ? value : isNull(value) ? other : undefined;
    if (
      scalar !== undefined &&
      typeof scalar.type === 'string' &&
      scalar.type !== 'object' &&
      scalar.type !== 'array'
    ) {
      const { anyOf: _anyOf, ...rest } = node;
      void _anyOf;
      return { ...rest, ...scalar, type: [scalar.type, 'null'] };
    }
  }
  return node;
}

/**
 * The JSON schema fast-json-stringify compiles, from a zod schema's output side.
 * @example toSerializerSchema(z.object({ a: z.number().nullable() })) // { type: 'object', properties: { a: { type: ['number', 'null'] } }, … }
 */
export function toSerializerSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  }) as JsonSchema;
  return simplifyNullable(json) as JsonSchema;
}

/**
 * Compiles a zod schema into a function that writes values of it as JSON.
 * @example jsonSerializer(z.object({ a: z.number() }))({ a: 1, b: 2 }) // '{"a":1}'
 */
export function jsonSerializer<T extends z.ZodType>(schema: T): (value: z.output<T>) => string {
  return fastJson(toSerializerSchema(schema)) as (value: z.output<T>) => string;
}

/**
 * A Fastify `serializerCompiler` for zod response schemas that writes with fast-json-stringify,
 * compiled when the route is registered (zod's serializer validates and copies every value on
 * each response instead, and compiles itself on the first one).
 * @example app.get('/jobs/:id/ranking', { serializerCompiler: fastJsonCompiler, schema: { response: { 200: Ranking } } }, handler)
 */
export function fastJsonCompiler(route: { schema: unknown }): (data: unknown) => string {
  const write: (data: never) => string = jsonSerializer(route.schema as z.ZodType);
  return write as (data: unknown) => string;
}
