/**
 * Which version of NetServer's SOAP API an endpoint speaks: the `ServicesNN` segment of its path
 * (`…/Remote/Services88/ErpSync.svc`), which also names the namespace of its messages.
 */
import { type Version, versions } from "@erpsync/schema"

/** The version the client speaks to an endpoint whose URL names none: the one the vendor's ERP app uses. */
export const DEFAULT_VERSION: Version = "Services88"

const isVersion = (name: string): name is Version => Object.hasOwn(versions, name)

/**
 * The `ServicesNN` segment of a URL's path, as written (`Services88`), or `undefined` when it names none or
 * is no URL.
 */
export const versionSegment = (url: string): string | undefined => {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return undefined
  }
  const segments = path.split("/").filter((segment) => /^Services\d+$/i.test(segment))
  return segments.at(-1)
}

/**
 * The version of an endpoint: `declared` if given, else the one its URL names. A URL that names a version
 * the library does not know, or another than `declared`, is refused with why.
 */
export const versionOf = (
  url: string,
  declared: Version | undefined
): { readonly version: Version } | { readonly refused: string } => {
  const segment = versionSegment(url)
  const named = segment === undefined
    ? undefined
    : `Services${segment.slice("Services".length)}`
  if (named !== undefined && !isVersion(named)) {
    return {
      refused: `its path names ${segment}, a version of NetServer's API this client has no declarations of ` +
        `(it has ${Object.keys(versions).join(" and ")})`
    }
  }
  if (declared !== undefined && named !== undefined && named !== declared) {
    return { refused: `its path names ${named}, but the client was configured for ${declared}` }
  }
  return { version: declared ?? (named as Version | undefined) ?? DEFAULT_VERSION }
}
