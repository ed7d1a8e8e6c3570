/**
 * The one cache of the codec: what is compiled from a schema (plans, shapes, encoders, transformations)
 * is computed once per AST or plan node and held as long as that node lives.
 */

/**
 * `f`, computed once per `key` (held weakly). Further arguments matter only to the first computation
 * (a path for its error messages, say).
 */
export const memo = <K extends WeakKey, A extends ReadonlyArray<unknown>, V>(
  f: (key: K, ...rest: A) => V
): (key: K, ...rest: A) => V => {
  const cache = new WeakMap<K, V>()
  return (key, ...rest) => {
    let value = cache.get(key)
    // Stryker disable next-line ConditionalExpression: a cache; computing again gives the same
    if (value === undefined) {
      value = f(key, ...rest)
      cache.set(key, value)
    }
    return value
  }
}
