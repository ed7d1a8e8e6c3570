/**
 * What the local server does for each ErpSync operation, declared by `SOAPAction`.
 */
import type { Headers, Operation } from "@erpsync/schema"
import { ErpSync } from "@erpsync/schema"
import type { ConnectionStore } from "./store.js"

/** The headers of a successful response. */
const succeeded: Headers.ResponseHeader = { Succeeded: true }

/** An in-band service error, as NetServer reports one: `ExceptionInfo` with `Succeeded` = false. */
export const serviceFailure = (message: string, exceptionType: string): Headers.ResponseHeader => ({
  ExceptionInfo: {
    Message: message,
    StackTrace: null,
    FriendlyText: message,
    ExceptionType: exceptionType,
    Source: "SuperOffice.Services86",
    InnerException: null,
    Parameters: null
  },
  Succeeded: false
})

/** An operation the server serves: decode with `operation.request`, answer with `operation.response`. */
export interface Served<Request, Response> {
  readonly operation: Operation.Operation<Request, Response>
  readonly handle: (request: Request, store: ConnectionStore) => Response
  /** The response when authentication fails. */
  readonly unauthenticated: (header: Headers.ResponseHeader) => Response
}

const served = <Request, Response>(s: Served<Request, Response>): Served<unknown, unknown> =>
  s as unknown as Served<unknown, unknown>

/** The served operations, by `SOAPAction`. */
export const operations: ReadonlyMap<string, Served<unknown, unknown>> = new Map([
  served({
    operation: ErpSync.SaveConnection,
    handle: (request, store) => {
      const connection = request.Body.Connection
      if (connection === null) {
        return {
          Header: serviceFailure("SaveConnection needs a connection", "System.ArgumentNullException"),
          Body: { Response: null }
        }
      }
      const saved = store.save(connection)
      return saved === undefined
        ? {
          Header: serviceFailure(
            `There is no ErpConnection with id ${connection.ErpConnectionId}`,
            "SuperOffice.CRM.EntityNotFoundException"
          ),
          Body: { Response: null }
        }
        : { Header: succeeded, Body: { Response: saved } }
    },
    unauthenticated: (Header) => ({ Header, Body: { Response: null } })
  }),
  served({
    operation: ErpSync.GetConnection,
    handle: (request, store) => ({
      Header: succeeded,
      Body: { Response: store.get(request.Body.ErpConnectionId) ?? null }
    }),
    unauthenticated: (Header) => ({ Header, Body: { Response: null } })
  }),
  served({
    operation: ErpSync.DeleteConnection,
    handle: (request, store) => {
      store.delete(request.Body.ErpConnectionId)
      return { Header: succeeded, Body: {} }
    },
    unauthenticated: (Header) => ({ Header, Body: {} })
  })
].map((s) => [s.operation.action, s]))
