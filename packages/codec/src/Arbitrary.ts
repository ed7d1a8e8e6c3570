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
import { leaveOut } from "./internal/ast/leaveOut.js"

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

/**
 * The arbitrary of what `schema`'s `make` takes: its values with some of the members that may be left out
 * (`Xml.optionalElement`'s, `minOccurs="0"`) left out, at every depth. `make` completes each to a value
 * of the type, with the defaults an absent element decodes to; so does encoding it and decoding it back.
 *
 * @example
 * ```ts
 * import * as Arbitrary from "@erpsync/codec/Arbitrary"
 * import { Xml, Xsd } from "@erpsync/codec"
 * import * as Schema from "effect/Schema"
 * import * as fc from "fast-check"
 *
 * const Point = Schema.Struct({ X: Xml.optionalElement(Xsd.int), Y: Xsd.int })
 * const inputs = fc.sample(Arbitrary.makeInput(Point), { numRuns: 50, seed: 1 })
 * assert.ok(inputs.some((input) => !("X" in input)))
 * assert.ok(inputs.every((input) => "Y" in input && Point.make(input).X !== undefined))
 * ```
 *
 * @since 1.0.0
 * @category constructors
 */
export const makeInput = <S extends Schema.Top>(schema: S): fc.Arbitrary<S["~type.make.in"]> =>
  fc.tuple(make(schema), fc.array(fc.boolean(), { minLength: 1, maxLength: 16 })).map(([value, choices]) => {
    let i = 0
    return leaveOut(schema.ast, value, () => choices[i++ % choices.length]!) as S["~type.make.in"]
  })
