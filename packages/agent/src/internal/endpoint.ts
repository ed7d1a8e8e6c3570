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
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return `${parsed.origin}${parsed.pathname}`
  } catch {
    // Shown as written, below.
  }
  // Not an http(s) URL: as written, without what may be a query, a fragment or user information.
  const text = url.replace(/[?#][\s\S]*$/, "").replace(/^([a-z][a-z0-9+.-]*:\/*)?[^/@]*@/i, "$1")
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}

/**
 * What is wrong with `url` as an endpoint, if anything: it must parse, and be `http:` or `https:` with a
 * host. Said without the URL's query or user information.
 */
export const urlProblem = (url: string): string | undefined => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(url)
      ? "it is not a URL"
      : "it is not a URL: it has no scheme (https://…)"
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `its scheme is ${parsed.protocol}, not http: or https:`
  }
  return parsed.hostname === "" ? "it names no host" : undefined
}
