/**
 * fast-check arbitraries derived from annotated schemas: values of a schema's type that pass its checks,
 * for property tests of the codec's laws on any message. Text is what XML can carry, with markup
 * characters, line ends and characters outside the BMP; simple types stay in their lexical spaces.
 * Needs `fast-check` (an optional peer dependency), and is not part of the package's main entry, so that
 * a client never loads it.
 *
 * @since 1.0.0
 */
import type * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { arbitraryOf } from "./internal/ast/arbitrary.js"

export {
  /** @since 1.0.0 */
  ArbitraryDefinitionError
} from "./internal/ast/arbitrary.js"

/**
 * The arbitrary of `schema`'s type. A schema it cannot generate (a declared type with neither an
 * encoding nor an `Xsd.arbitrary` annotation, an index signature) throws an `ArbitraryDefinitionError`
 * naming where, when derived; one whose checks refuse a thousand values in a row, when sampled.
 *
 * @example
 * ```ts
 * import * as Arbitrary from "@erpsync/codec/Arbitrary"
 * import { Xsd } from "@erpsync/codec"
 * import * as fc from "fast-check"
 *
 * const ints = fc.sample(Arbitrary.make(Xsd.int), { numRuns: 20, seed: 1 })
 * assert.ok(ints.every((n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647))
 * ```
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = <A>(schema: Schema.Schema<A>): fc.Arbitrary<A> => arbitraryOf(schema.ast, fc) as fc.Arbitrary<A>
