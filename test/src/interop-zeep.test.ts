/**
 * Interop with zeep (Python), an independent SOAP stack driven by the vendor's WSDL alone, at each
 * version: logged in at the local server's SoPrincipal, it calls every operation of the ErpSync WSDL, and
 * saves a connector and a connection whose values it reads back (`test/interop/zeep_client.py`).
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import { execFile } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { referenceDir } from "./support/reference.js"

const USER = "zeep-user"
const PASSWORD = "zeep-password"
const script = path.resolve(referenceDir, "../test/interop/zeep_client.py")
// Debian's python3 holds python3-zeep; another python3 found first on the PATH may not.
const python = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3"

interface ZeepRun {
  readonly operations: number
  readonly calls: Record<string, { readonly read: boolean; readonly succeeded: boolean | null }>
  readonly connector: Record<string, unknown>
  readonly connection: Record<string, unknown>
  readonly allConnections?: ReadonlyArray<number>
  readonly allConnectors?: { readonly ListItem: ReadonlyArray<Record<string, unknown>> }
}

const runZeep = (args: ReadonlyArray<string>) =>
  Effect.callback<ZeepRun, Error>((resume) => {
    execFile(python, [script, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error !== null) resume(Effect.fail(new Error(`zeep failed: ${error.message}\n${stderr}`)))
      else resume(Effect.succeed(JSON.parse(stdout) as ZeepRun))
    })
  })

describe.each(
  [
    { version: "Services86", wsdl: "ErpSync.wsdl", soPrincipal: "SoPrincipal.wsdl", operations: 44 },
    { version: "Services88", wsdl: "ErpSync88.wsdl", soPrincipal: "SoPrincipal88.wsdl", operations: 49 }
  ] as const
)("zeep with the $version WSDLs against the local server", ({ operations, soPrincipal, version, wsdl }) => {
  it.live(
    "calls every operation and reads every answer, and reads back the values it saved",
    () =>
      Effect.gen(function*() {
        const server = yield* ErpSyncServer.make({ username: USER, password: PASSWORD })
        const run = yield* runZeep([
          path.join(referenceDir, wsdl),
          server.urls[version].ErpSync,
          path.join(referenceDir, soPrincipal),
          server.urls[version].SoPrincipal,
          USER,
          PASSWORD
        ])
        expect(run.operations).toBe(operations)
        expect(Object.keys(run.calls)).toHaveLength(operations)
        for (const [name, call] of Object.entries(run.calls)) {
          expect([name, call.read, typeof call.succeeded]).toStrictEqual([name, true, "boolean"])
        }
        // A save without a value is refused in band (Succeeded false), a read of nothing is not.
        expect(run.calls["SaveConnection"]!.succeeded).toBe(false)
        expect(run.calls["GetConnection"]!.succeeded).toBe(true)
        expect(run.connector).toMatchObject({
          DisplayName: "Visma – Ålesund <&>",
          URL: "https://erp.example/connector?a=1&b=2",
          Deleted: false
        })
        expect(run.connection).toMatchObject({
          ErpConnectorId: run.connector["ErpConnectorId"],
          DisplayName: "Oslo æøå 😀",
          DisplayDescription: "first line\nsecond line",
          Active: true,
          ConfigFields: { StringKeyValuePair: [{ Key: "BaseUrl", Value: "https://erp.example/?x=<1>" }] },
          UserGroupAccessIds: { int: [1, 2, 3] }
        })
        // What zeep saved is what the model holds, as our schemas read it.
        const stored = (yield* server.connections).find((c) => c.ErpConnectionId === run.connection["ErpConnectionId"])
        expect(stored).toMatchObject({
          DisplayName: "Oslo æøå 😀",
          ConfigFields: [{ Key: "BaseUrl", Value: "https://erp.example/?x=<1>" }],
          UserGroupAccessIds: [1, 2, 3]
        })
        if (version === "Services88") {
          expect(run.allConnections).toContain(run.connection["ErpConnectionId"])
          expect(run.allConnectors?.ListItem).toContainEqual({
            Id: run.connector["ErpConnectorId"],
            Name: "Visma – Ålesund <&>",
            ToolTip: "https://erp.example/connector?a=1&b=2"
          })
        } else {
          expect(run.allConnections).toBeUndefined()
        }
      }).pipe(Effect.scoped),
    120_000
  )
})
