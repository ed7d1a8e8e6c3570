/**
 * The local server's in-memory model of an ErpSync installation: connector entities, connections, the
 * sync engine, actor links and ERP actors, actor-type and list mappings, default values, and the sync
 * requests made.
 */
import type { ErpSync88 } from "@erpsync/schema"
import * as Duration from "effect/Duration"

/** A CRM record linked to an ERP actor on a connection. */
export interface ActorLink {
  readonly ErpConnectionId: number
  readonly CrmRecordId: number
  readonly CrmActorType: ErpSync88.CrmActorType
  readonly ErpKey: string
  readonly ErpActorType: ErpSync88.ErpActorType
}

/** An ERP actor the model knows, with its field values. */
export interface ErpActor {
  readonly ErpConnectionId: number
  readonly ErpActorType: ErpSync88.ErpActorType
  readonly ErpKey: string
  readonly FieldValues: ReadonlyArray<ErpSync88.ErpSyncFieldValue | null>
}

/** A sync the service was asked for. */
export interface SyncRequest {
  readonly operation: string
  readonly ErpConnectionId: number | null
  /** The internal or external keys named, if any (an empty list means all). */
  readonly keys: ReadonlyArray<string> | null
  /** When, in epoch milliseconds. */
  readonly at: number
}

/** What the model holds, as plain data. */
export interface ModelSnapshot {
  readonly connectors: ReadonlyArray<ErpSync88.ErpSyncConnectorEntity>
  readonly connections: ReadonlyArray<ErpSync88.ErpConnection>
  readonly engine: ErpSync88.ErpSyncEngineStatus
  readonly priorities: ReadonlyArray<number>
  readonly links: ReadonlyArray<ActorLink>
  readonly erpActors: ReadonlyArray<ErpActor>
  readonly actorTypeMappings: ReadonlyArray<ErpSync88.ErpSyncActorTypeMapping>
  readonly listMappings: ReadonlyArray<ErpSync88.ErpConnectionListMappingContainer>
  readonly defaultValues: ReadonlyArray<ErpSync88.ErpSyncDefaultValue>
  readonly syncs: ReadonlyArray<SyncRequest>
}

/** A store of records by integer id that assigns the next id to a record saved with id 0. */
export class Table<A> {
  private readonly rows = new Map<number, A>()
  private next = 1

  constructor(private readonly idOf: (row: A) => number, private readonly withId: (row: A, id: number) => A) {}

  /** Creates (id 0) or updates (an existing id); `undefined` for an unknown id. */
  save(row: A): A | undefined {
    const id = this.idOf(row)
    if (id === 0) {
      const saved = this.withId(row, this.next++)
      this.rows.set(this.idOf(saved), saved)
      return saved
    }
    if (!this.rows.has(id)) return undefined
    this.rows.set(id, row)
    return row
  }

  get(id: number): A | undefined {
    return this.rows.get(id)
  }

  set(id: number, row: A): void {
    this.rows.set(id, row)
  }

  delete(id: number): boolean {
    return this.rows.delete(id)
  }

  all(): ReadonlyArray<A> {
    return [...this.rows.values()]
  }
}

/** The model's state. Handlers read and change it; nothing else does. */
export class ErpSyncModel {
  readonly connectors = new Table<ErpSync88.ErpSyncConnectorEntity>(
    (row) => row.ErpConnectorId,
    (row, ErpConnectorId) => ({ ...row, ErpConnectorId })
  )
  // A new connection gets its id and, as NetServer gives one, a GUID to name it to its connector (unless
  // it was saved with one).
  readonly connections = new Table<ErpSync88.ErpConnection>(
    (row) => row.ErpConnectionId,
    (row, ErpConnectionId) => ({
      ...row,
      ErpConnectionId,
      ConnectionId: row.ConnectionId === null || row.ConnectionId === "" ? crypto.randomUUID() : row.ConnectionId
    })
  )
  engine: ErpSync88.ErpSyncEngineStatus = {
    TableRight: null,
    FieldProperties: null,
    IsRunning: false,
    StatusMessage: "Stopped",
    Interval: Duration.minutes(5)
  }
  priorities: ReadonlyArray<number> = []
  /** Links by connection, CRM actor type and CRM record. */
  readonly links = new Map<string, ActorLink>()
  /** ERP actors by connection, ERP actor type and ERP key. */
  readonly erpActors = new Map<string, ErpActor>()
  /** Actor-type mappings by connection and ERP actor type. */
  readonly actorTypeMappings = new Map<string, ErpSync88.ErpSyncActorTypeMapping>()
  /** List mappings by connection. */
  readonly listMappings = new Map<number, ErpSync88.ErpConnectionListMappingContainer>()
  /** Default values by ERP field. */
  readonly defaultValues = new Map<number, ErpSync88.ErpSyncDefaultValue>()
  readonly syncs: Array<SyncRequest> = []
  private nextErpKey = 1

  static linkKey(connection: number, type: ErpSync88.CrmActorType, record: number): string {
    return `${connection}/${type}/${record}`
  }

  static actorKey(connection: number, type: ErpSync88.ErpActorType, key: string): string {
    return `${connection}/${type}/${key}`
  }

  static mappingKey(connection: number, type: ErpSync88.ErpActorType): string {
    return `${connection}/${type}`
  }

  /** A new ERP key, as the connector would assign one to an actor it creates. */
  newErpKey(type: ErpSync88.ErpActorType): string {
    return `${type.toUpperCase()}-${this.nextErpKey++}`
  }

  snapshot(): ModelSnapshot {
    return {
      connectors: this.connectors.all(),
      connections: this.connections.all(),
      engine: this.engine,
      priorities: this.priorities,
      links: [...this.links.values()],
      erpActors: [...this.erpActors.values()],
      actorTypeMappings: [...this.actorTypeMappings.values()],
      listMappings: [...this.listMappings.values()],
      defaultValues: [...this.defaultValues.values()],
      syncs: [...this.syncs]
    }
  }
}
