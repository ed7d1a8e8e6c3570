/**
 * `Carrier`, the base type of Services86 entities, and the rights types behind its members.
 *
 * @since 0.1.0
 */
import { Xsd } from "@erpsync/codec"
import * as Schema from "effect/Schema"
import { contract, dictionary, member, nullableString } from "./internal/declare.js"
import * as Namespaces from "./Namespaces.js"

/**
 * `ETableRight`: the flags of a table right, an `xs:list` of its enumeration values.
 *
 * @since 0.1.0
 * @category rights
 */
export const ETableRight = Xsd.list(
  ["Select", "Update", "Insert", "Delete", "Filtering", "RestrictedUpdate"],
  "ETableRight",
  Namespaces.Services86
)

/**
 * @since 0.1.0
 * @category rights
 */
export type ETableRight = Schema.Schema.Type<typeof ETableRight>

/**
 * `EFieldRight`: the flags of a field right, an `xs:list` of its enumeration values.
 *
 * @since 0.1.0
 * @category rights
 */
export const EFieldRight = Xsd.list(
  [
    "Read",
    "Write",
    "Unused1",
    "Unused2",
    "Unused3",
    "Unused4",
    "UIHintMandatory",
    "UIHintReadOnly",
    "UndefinedValue256"
  ],
  "EFieldRight",
  Namespaces.Services86
)

/**
 * @since 0.1.0
 * @category rights
 */
export type EFieldRight = Schema.Schema.Type<typeof EFieldRight>

/**
 * `TableRight`: the current user's rights on the entity's table, and why.
 *
 * @since 0.1.0
 * @category rights
 */
export const TableRight = contract("TableRight", {
  Mask: member(ETableRight),
  Reason: nullableString()
})

/**
 * @since 0.1.0
 * @category rights
 */
export interface TableRight extends Schema.Schema.Type<typeof TableRight> {}

/**
 * `FieldRight`: the current user's rights on one field, and why.
 *
 * @since 0.1.0
 * @category rights
 */
export const FieldRight = contract("FieldRight", {
  Mask: member(EFieldRight),
  Reason: nullableString()
})

/**
 * @since 0.1.0
 * @category rights
 */
export interface FieldRight extends Schema.Schema.Type<typeof FieldRight> {}

/**
 * `FieldProperty`: a field's right, type and length.
 *
 * @since 0.1.0
 * @category rights
 */
export const FieldProperty = contract("FieldProperty", {
  FieldRight: member(Schema.NullOr(FieldRight)),
  FieldType: nullableString(),
  FieldLength: member(Xsd.int)
})

/**
 * @since 0.1.0
 * @category rights
 */
export interface FieldProperty extends Schema.Schema.Type<typeof FieldProperty> {}

/**
 * `FieldPropertyDictionary`: field name to `FieldProperty`, as `FieldPropertyDictionaryKeyValuePair`s.
 *
 * @since 0.1.0
 * @category rights
 */
export const FieldPropertyDictionary = dictionary(
  "FieldPropertyDictionary",
  "FieldPropertyDictionaryKeyValuePair",
  FieldProperty
)

/**
 * @since 0.1.0
 * @category rights
 */
export type FieldPropertyDictionary = Schema.Schema.Type<typeof FieldPropertyDictionary>

/**
 * The members of `Carrier`, which come first on the wire in every type that extends it.
 *
 * @since 0.1.0
 * @category carrier
 */
export const CarrierFields = {
  TableRight: member(Schema.NullOr(TableRight)),
  FieldProperties: member(Schema.NullOr(FieldPropertyDictionary))
}

/**
 * `Carrier`: the base type of Services86 entities.
 *
 * @since 0.1.0
 * @category carrier
 */
export const Carrier = contract("Carrier", CarrierFields)

/**
 * @since 0.1.0
 * @category carrier
 */
export interface Carrier extends Schema.Schema.Type<typeof Carrier> {}
