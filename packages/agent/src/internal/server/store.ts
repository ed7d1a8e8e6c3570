/**
 * The local server's in-memory store of connections.
 */
import type { ErpConnection } from "@erpsync/schema"

/** Connections by id, with the next id to assign. */
export class ConnectionStore {
  private readonly connections = new Map<number, ErpConnection>()
  private nextId = 1

  /** Creates (id 0) or updates (an existing id); `undefined` for an unknown id. */
  save(connection: ErpConnection): ErpConnection | undefined {
    if (connection.ErpConnectionId === 0) {
      const saved = { ...connection, ErpConnectionId: this.nextId++ }
      this.connections.set(saved.ErpConnectionId, saved)
      return saved
    }
    if (!this.connections.has(connection.ErpConnectionId)) return undefined
    this.connections.set(connection.ErpConnectionId, connection)
    return connection
  }

  get(id: number): ErpConnection | undefined {
    return this.connections.get(id)
  }

  delete(id: number): boolean {
    return this.connections.delete(id)
  }

  all(): ReadonlyArray<ErpConnection> {
    return [...this.connections.values()]
  }
}
