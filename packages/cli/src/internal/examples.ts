/**
 * An example of each command, as its `--help` shows them: the common ways to use it, whole command lines.
 */
import type { Command } from "effect/cli"

const URL = "https://sod.superoffice.com/Cust12345/Remote/Services88/ErpSync.svc"

export const examples: Readonly<Record<string, ReadonlyArray<Command.Command.Example>>> = {
  erpsync: [
    { command: "erpsync demo", description: "See a login, a save and a read against a local server" },
    { command: "erpsync operations", description: "List the operations, what each does and takes" },
    { command: "erpsync call GetSystemInfo --url " + URL, description: "Call an operation that needs no ticket" }
  ],
  decode: [
    { command: "erpsync decode GetConnectionResponse response.xml --pretty", description: "A response, read" },
    { command: "curl -s … | erpsync decode GetConnectionResponse", description: "From standard input" }
  ],
  encode: [
    {
      command: `echo '{"Header": {}, "Body": {"ErpConnectionId": 5}}' | erpsync encode GetConnectionRequest --pretty`,
      description: "The envelope of a request"
    }
  ],
  operations: [
    { command: "erpsync operations", description: "Each operation: its versions, what it does, what it takes" },
    { command: "erpsync operations --format json", description: "The same, as JSON" }
  ],
  template: [
    { command: "erpsync template SaveConnection", description: "The request body SaveConnection takes" },
    { command: "erpsync template ErpConnection > connection.json", description: "A connection to fill in" }
  ],
  call: [
    { command: `erpsync call GetSystemInfo --url ${URL}`, description: "No ticket, no body needed" },
    {
      command: `erpsync call GetConnection --url ${URL} --ticket "$TICKET" --body '{"ErpConnectionId": 5}'`,
      description: "With a ticket and a body"
    },
    {
      command: `erpsync call GetAllConnections --transport rest --url ${URL} --access-token "$TOKEN"`,
      description: "Over the REST WebAPI, with an access token"
    }
  ],
  "save-connection": [
    {
      command: `erpsync save-connection --url ${URL} --ticket "$TICKET" connection.json`,
      description: "Save the connection in connection.json (erpsync template ErpConnection writes one)"
    }
  ],
  "get-connection": [
    { command: `erpsync get-connection --url ${URL} --ticket "$TICKET" 5`, description: "The connection with id 5" }
  ],
  "delete-connection": [
    { command: `erpsync delete-connection --url ${URL} --ticket "$TICKET" 5`, description: "Delete it" }
  ],
  conformance: [
    {
      command: `erpsync conformance --url ${URL} --username u --password "$PASSWORD"`,
      description: "Check the reading laws against your tenant"
    },
    {
      command: `erpsync conformance --url ${URL} --ticket "$TICKET" --allow-writes --seed 42`,
      description: "All the laws, writing connections of its own (and deleting them), replaying a seed"
    }
  ],
  serve: [
    { command: "erpsync serve --port 8080 --ticket 7T:local", description: "A local server that takes one ticket" },
    { command: "erpsync serve --username u --password p", description: "One that logs a user in" }
  ],
  demo: [{ command: "erpsync demo", description: "Run the demo against its own local server" }],
  codegen: [
    {
      command: "erpsync codegen ErpSync.wsdl SoPrincipal.wsdl --out src/generated",
      description: "Generate the declarations of two services, one module each"
    }
  ]
}
