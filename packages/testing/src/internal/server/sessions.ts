/**
 * The local server's logins: the configured user and access token (and the system user, whose exchange
 * SuperID checks), the tickets it issued with their expiry, and counts of what happened, so that tests can
 * see how often a client logged in.
 */
import * as crypto from "node:crypto"

export interface SessionOptions {
  /** A ticket always accepted (a ticket given by hand). */
  readonly ticket: string | undefined
  readonly username: string | undefined
  readonly password: string | undefined
  readonly accessToken: string | undefined
  /** Whether a system user can exchange its token for tickets. */
  readonly systemUser: boolean
  readonly ticketLifetimeMillis: number
}

/** What the server counted. */
export interface SessionCounts {
  /** Successful logins. */
  readonly logins: number
  /** Refused logins. */
  readonly failedLogins: number
  /** ErpSync requests refused for their ticket (missing, unknown or expired). */
  readonly rejectedTickets: number
  /** System-user exchanges SuperID answered with a JWT. */
  readonly systemUserLogins: number
  /** System-user exchanges SuperID refused. */
  readonly failedSystemUserLogins: number
  /** Requests for SuperID's key set. */
  readonly keySetFetches: number
}

export class Sessions {
  private readonly issued = new Map<string, number>()
  private counts: SessionCounts = {
    logins: 0,
    failedLogins: 0,
    rejectedTickets: 0,
    systemUserLogins: 0,
    failedSystemUserLogins: 0,
    keySetFetches: 0
  }

  constructor(private readonly options: SessionOptions) {}

  /** Whether ErpSync requests need a ticket at all. */
  get required(): boolean {
    return this.options.ticket !== undefined || this.options.username !== undefined ||
      this.options.accessToken !== undefined || this.options.systemUser
  }

  /** A new ticket when the user name and password are the configured ones. */
  loginWithPassword(username: string | null, password: string | null, now: number): string | undefined {
    const ok = this.options.username !== undefined && username === this.options.username &&
      password === this.options.password
    return this.issue(ok, now)
  }

  /** A new ticket when the access token is the configured one. */
  loginWithAccessToken(accessToken: string | null, now: number): string | undefined {
    return this.issue(this.options.accessToken !== undefined && accessToken === this.options.accessToken, now)
  }

  /** A new ticket for the system user SuperID authenticated, or a count of its refusal (`ok` false). */
  loginWithSystemUser(ok: boolean, now: number): string | undefined {
    if (!ok) {
      this.count("failedSystemUserLogins")
      return undefined
    }
    this.count("systemUserLogins")
    return this.newTicket(now)
  }

  /** Counts a request for the key set. */
  keySetFetched(): void {
    this.count("keySetFetches")
  }

  /** Whether `ticket` is accepted now; counts a refusal. */
  check(ticket: string | null | undefined, now: number): boolean {
    if (!this.required) return true
    const expiresAt = ticket == null ? undefined : this.issued.get(ticket)
    const ok = ticket != null && (ticket === this.options.ticket || (expiresAt !== undefined && now < expiresAt))
    if (!ok) this.count("rejectedTickets")
    return ok
  }

  snapshot(): SessionCounts {
    return this.counts
  }

  private count(what: keyof SessionCounts): void {
    this.counts = { ...this.counts, [what]: this.counts[what] + 1 }
  }

  private issue(ok: boolean, now: number): string | undefined {
    if (!ok) {
      this.count("failedLogins")
      return undefined
    }
    this.count("logins")
    return this.newTicket(now)
  }

  private newTicket(now: number): string {
    for (const [issued, expiresAt] of this.issued) if (expiresAt <= now) this.issued.delete(issued)
    const ticket = `7T:${crypto.randomBytes(24).toString("base64url")}`
    this.issued.set(ticket, now + this.options.ticketLifetimeMillis)
    return ticket
  }
}
