/**
 * The message schemas under test, by name.
 */
import { ErpSync } from "@erpsync/schema"
import type * as Schema from "effect/Schema"

export type MessageName = keyof typeof ErpSync.Messages

export const messageNames = Object.keys(ErpSync.Messages) as ReadonlyArray<MessageName>

/** The schema of a message, widened for tests that treat all messages alike. */
export const messageSchema = (name: MessageName): Schema.Schema<unknown, unknown> =>
  ErpSync.Messages[name] as unknown as Schema.Schema<unknown, unknown>

/** The vendor example file of a message. */
export const exampleFile = (name: MessageName): string =>
  name.replace(/Request$/, ".request").replace(/Response$/, ".response") + ".xml"
