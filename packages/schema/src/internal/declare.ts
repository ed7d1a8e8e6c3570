/**
 * Shorthands for declaring Services86 data contracts: every member is an element of the Services86
 * namespace, `minOccurs="0"` unless the WSDL says otherwise.
 */
import { Xml, Xsd } from "@erpsync/codec"
import * as Arbitrary from "effect/Arbitrary"
import * as Schema from "effect/Schema"
import * as Namespaces from "../Namespaces.js"

/** A member that may be absent on the wire and then decodes to its type's default (`minOccurs="0"`). */
export const member = Xml.optionalElement

/** A nillable `xs:string` member with `minOccurs="0"`. */
export const nullableString = () => member(Schema.NullOr(Xsd.string))

/** A data contract: a struct standing for the complex type `name` of the Services86 namespace. */
export const contract = <Fields extends Schema.Struct.Fields>(name: string, fields: Fields) =>
  Schema.Struct(fields).annotations(Xml.complexType(name, Namespaces.Services86))

/**
 * A .NET dictionary data contract (`IsDictionary` = true): the complex type `name`, a sequence of
 * `pairName` elements each holding a nillable `Key` then a nillable `Value` (both `minOccurs="1"`).
 * Order is kept, any key is accepted, a duplicate key is rejected.
 */
export const dictionary = <V, I>(name: string, pairName: string, value: Schema.Schema<V, I>) => {
  const Pair = contract(pairName, { Key: Schema.NullOr(Xsd.string), Value: Schema.NullOr(value) })
  return Schema.Array(Pair).annotations({
    ...Xml.items(pairName, Namespaces.Services86),
    ...Xml.complexType(name, Namespaces.Services86)
  }).pipe(
    Schema.filter((pairs) => {
      const keys = new Set<string | null>()
      for (let i = 0; i < pairs.length; i++) {
        const key = pairs[i]!.Key
        keys.add(key)
        if (keys.size === i) return `duplicate key ${JSON.stringify(key)} at item ${i + 1}`
      }
      return true
    }, {
      identifier: name,
      arbitrary: () => (fc) =>
        fc.uniqueArray(Arbitrary.makeLazy(Pair)(fc), { selector: (pair) => pair.Key, maxLength: 6 })
    })
  )
}
