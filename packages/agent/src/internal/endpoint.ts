/**
 * Where a service's operations are called: the endpoint file of another service beside the client's.
 */

/**
 * The endpoint `file` beside `url`: `…/Services86/ErpSync.svc` and `SoPrincipal.svc` give
 * `…/Services86/SoPrincipal.svc` (the last path segment replaced, query and fragment dropped). Throws a
 * `TypeError` when `url` is not a URL.
 */
export const siblingUrl = (url: string, file: string): string => {
  const parsed = new URL(url)
  parsed.pathname = parsed.pathname.replace(/\/*$/, "").replace(/[^/]*$/, file)
  parsed.search = ""
  parsed.hash = ""
  return parsed.href
}

/**
 * What a message shows of an endpoint: its origin and path, never its query, fragment or user information,
 * any of which may hold a token or a password.
 */
export const shownUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return "a URL that does not parse"
  }
}
