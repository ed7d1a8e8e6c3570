/**
 * Reading an in-band service failure from the response headers: `ExceptionInfo` and `Succeeded`.
 */
import type { ErpSync } from "@erpsync/schema"
import { type ExceptionInfo, ServiceError } from "../ErpSyncError.js"

/** The response headers by which NetServer reports a failure in band. */
export interface StatusHeader {
  readonly ExceptionInfo?: ErpSync.SoExceptionInfo | null | undefined
  readonly Succeeded?: boolean | undefined
}

const chainOf = (info: ErpSync.SoExceptionInfo): Array<ExceptionInfo> => {
  const out: Array<ExceptionInfo> = []
  let current: ErpSync.SoExceptionInfo | null = info
  // The chain comes from the network: bounded by the decoder's depth limit, and cut here all the same.
  for (let i = 0; current !== null && i < 64; i++) {
    out.push({
      Message: current.Message,
      ExceptionType: current.ExceptionType,
      FriendlyText: current.FriendlyText,
      Source: current.Source,
      StackTrace: current.StackTrace,
      Parameters: current.Parameters ?? []
    })
    current = current.InnerException
  }
  return out
}

/** The service error a response reports, if any. */
export const serviceErrorOf = (
  operation: string,
  header: StatusHeader,
  httpStatus: number
): ServiceError | undefined => {
  const info = header.ExceptionInfo
  if (info !== undefined && info !== null) {
    return new ServiceError({
      reason: "ExceptionInfo",
      operation,
      detail: info.Message ?? info.FriendlyText ?? "the service reported an exception",
      exceptionType: info.ExceptionType,
      friendlyText: info.FriendlyText,
      source: info.Source,
      exceptions: chainOf(info),
      httpStatus
    })
  }
  if (header.Succeeded === false) {
    return new ServiceError({
      reason: "NotSucceeded",
      operation,
      detail: "the service answered Succeeded = false",
      exceptionType: null,
      friendlyText: null,
      source: null,
      exceptions: [],
      httpStatus
    })
  }
  return undefined
}
