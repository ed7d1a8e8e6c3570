/**
 * The collection data contracts ErpSync uses: `StringDictionary` and `ArrayOfint`.
 *
 * @since 0.1.0
 */
import { Xml, Xsd } from "@erpsync/codec"
import * as Schema from "effect/Schema"
import { dictionary } from "./internal/declare.js"
import * as Namespaces from "./Namespaces.js"

/**
 * `StringDictionary`: ordered `StringKeyValuePair`s of nillable `Key` and `Value` strings; keys are unique.
 *
 * @since 0.1.0
 * @category collections
 */
export const StringDictionary = dictionary("StringDictionary", "StringKeyValuePair", Xsd.string)

/**
 * @since 0.1.0
 * @category collections
 */
export type StringDictionary = Schema.Schema.Type<typeof StringDictionary>

/**
 * `ArrayOfint` (`http://schemas.microsoft.com/2003/10/Serialization/Arrays`): `int` items, each an `xs:int`.
 *
 * @since 0.1.0
 * @category collections
 */
export const ArrayOfint = Schema.Array(Xsd.int).annotations({
  ...Xml.items("int", Namespaces.Arrays),
  ...Xml.complexType("ArrayOfint", Namespaces.Arrays)
})

/**
 * @since 0.1.0
 * @category collections
 */
export type ArrayOfint = Schema.Schema.Type<typeof ArrayOfint>

/**
 * `ArrayOfstring` (`http://schemas.microsoft.com/2003/10/Serialization/Arrays`): `string` items, each a
 * nillable `xs:string`.
 *
 * @since 0.1.0
 * @category collections
 */
export const ArrayOfstring = Schema.Array(Schema.NullOr(Xsd.string)).annotations({
  ...Xml.items("string", Namespaces.Arrays),
  ...Xml.complexType("ArrayOfstring", Namespaces.Arrays)
})

/**
 * @since 0.1.0
 * @category collections
 */
export type ArrayOfstring = Schema.Schema.Type<typeof ArrayOfstring>
