// autocannon both returns its running instance (events, stop()) and is thenable, but its types
// give one or the other: the callback form, typed as the instance, with the result as a promise.
import autocannon from 'autocannon'

export type LoadResult = autocannon.Result

export const startLoad = (options: autocannon.Options) => {
  const { promise, resolve, reject } = Promise.withResolvers<LoadResult>()
  const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
  return { instance, result: promise }
}
