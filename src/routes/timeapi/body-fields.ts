// The fields of a JSON body as ASP.NET binds them: names in any case, strings only, null as absent.
import type { Rejection } from './answers.ts'
import { required, TIMEAPI_ERRORS, valueIn } from './answers.ts'
import type { Ambiguity } from './local-time.ts'

/** Each field the route reads, and whether it must be there. */
export type FieldSpec = Readonly<Record<string, boolean>>

export type Fields<S extends FieldSpec> = {
  [K in keyof S]: S[K] extends true ? string : string | undefined
}

/** The body's string fields named in `spec`, or the first thing wrong with it. */
export const readFields = <S extends FieldSpec>(body: unknown, spec: S): Fields<S> | Rejection => {
  if (body === undefined) return { fields: { '': ['A non-empty request body is required.'] } }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { fields: { $: ['The JSON value could not be converted to the request.'] } }
  const fields: Record<string, string | undefined> = {}
  for (const [name, mandatory] of Object.entries(spec)) {
    const value = valueIn(body as Record<string, unknown>, name)
    if (value === undefined || value === null) {
      if (mandatory) return required(name)
      fields[name] = undefined
    } else if (typeof value !== 'string') {
      return {
        fields: { [`$.${name}`]: ['The JSON value could not be converted to System.String.'] },
      }
    } else fields[name] = value
  }
  return fields as Fields<S>
}

/** `dstAmbiguity`: "earlier" or "later" in any case; "", null or none means earlier. */
export const readAmbiguity = (value: string | undefined): Ambiguity | Rejection => {
  const text = (value ?? '').trim().toLowerCase()
  if (text === '' || text === 'earlier') return 'earlier'
  if (text === 'later') return 'later'
  return { text: TIMEAPI_ERRORS.dstAmbiguity }
}
