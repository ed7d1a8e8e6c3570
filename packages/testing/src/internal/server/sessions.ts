/**
 * The local server's logins: the configured user and access token, the tickets it issued with their
 * expiry, and counts of what happened, so that tests can see how often a client logged in.
 */
import * as crypto from "node:crypto"

export interface SessionOptions {
  /** A ticket always accepted (a ticket given by hand). */
  readonly ticket: string | undefined
  readonly username: string | undefined
  readonly password: string | undefined
  readonly accessToken: string | undefined
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
}

export class Sessions {
  private readonly issued = new Map<string, number>()
  private counts: SessionCounts = { logins: 0, failedLogins: 0, rejectedTickets: 0 }

  constructor(private readonly options: SessionOptions) {}

  /** Whether ErpSync requests need a ticket at all. */
  get required(): boolean {
    return this.options.ticket !== undefined || this.options.username !== undefined ||
      this.options.accessToken !== undefined
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

  /** Whether `ticket` is accepted now; counts a refusal. */
  check(ticket: string | null | undefined, now: number): boolean {
    if (!this.required) return true
    const expiresAt = ticket == null ? undefined : this.issued.get(ticket)
    const ok = ticket != null && (ticket === this.options.ticket || (expiresAt !== undefined && now < expiresAt))
    if (!ok) this.counts = { ...this.counts, rejectedTickets: this.counts.rejectedTickets + 1 }
    return ok
  }

  snapshot(): SessionCounts {
    return this.counts
  }

  private issue(ok: boolean, now: number): string | undefined {
    if (!ok) {
      this.counts = { ...this.counts, failedLogins: this.counts.failedLogins + 1 }
      return undefined
    }
    this.counts = { ...this.counts, logins: this.counts.logins + 1 }
    for (const [issued, expiresAt] of this.issued) if (expiresAt <= now) this.issued.delete(issued)
    const ticket = `7T:${crypto.randomBytes(24).toString("base64url")}`
    this.issued.set(ticket, now + this.options.ticketLifetimeMillis)
    return ticket
  }
}
