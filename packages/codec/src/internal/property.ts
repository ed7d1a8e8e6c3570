/**
 * Writing a property of a decoded value.
 */

/** Sets a property without ever reaching a prototype setter (`__proto__` is plain data). */
export const setProperty = (target: Record<string, unknown>, key: string, value: unknown): void => {
  // Stryker disable next-line ConditionalExpression: a fast path; defining every property gives the same object
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  } else target[key] = value
}
