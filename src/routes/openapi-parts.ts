// The OpenAPI document's small parts, shared by every route file that describes its operations.

/** An answer of `application/json` with `schema`. */
export const jsonAnswer = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

/** An answer of `text/plain`. */
export const textAnswer = (description: string) => ({
  description,
  content: { 'text/plain': { schema: { type: 'string' } } },
})

/** A required string segment of the path. */
export const pathParam = (name: string, description: string, example: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
  example,
})
