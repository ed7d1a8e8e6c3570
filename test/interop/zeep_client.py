"""
zeep (an independent SOAP stack, driven by the WSDL alone) as a client of the local server: logs in at
SoPrincipal, then calls every operation of the ErpSync WSDL with no arguments (every request member is
minOccurs="0"), and a few with values whose round trip it checks. Prints one JSON object: per operation,
whether zeep read the answer and the answer's Succeeded header; and the round trips' values as zeep read
them back.

Usage: zeep_client.py ERPSYNC_WSDL ERPSYNC_URL SOPRINCIPAL_WSDL SOPRINCIPAL_URL USERNAME PASSWORD
"""
import json
import sys

import zeep
from zeep.helpers import serialize_object

erpsync_wsdl, erpsync_url, soprincipal_wsdl, soprincipal_url, username, password = sys.argv[1:7]

settings = zeep.Settings(strict=True, xml_huge_tree=False)


def service_of(wsdl, url):
    client = zeep.Client(wsdl, settings=settings)
    binding = next(iter(client.wsdl.bindings))
    return client, client.create_service(binding, url)


_, soprincipal = service_of(soprincipal_wsdl, soprincipal_url)
login = soprincipal.AuthenticateUsernamePassword(UserName=username, Password=password)
ticket = login.body.Credentials.Ticket
assert login.body.AuthenticationSucceeded is True, "the login failed"

client, erpsync = service_of(erpsync_wsdl, erpsync_url)
headers = {"Credentials": {"Ticket": ticket}}


def call(operation, **arguments):
    return getattr(erpsync, operation)(**arguments, _soapheaders=headers)


binding = next(iter(client.wsdl.bindings.values()))
calls = {}
for name in sorted(binding._operations):
    answer = call(name)
    calls[name] = {"read": True, "succeeded": answer.header.Succeeded}

# Values out and back: a connector entity, a connection with a dictionary and arrays, every connection.
saved_connector = call(
    "SaveErpSyncConnectorEntity",
    ErpSyncConnectorEntity={
        "ErpConnectorId": 0,
        "DisplayName": "Visma – Ålesund <&>",
        "URL": "https://erp.example/connector?a=1&b=2",
        "Deleted": False,
    },
).body.Response
connector_id = saved_connector.ErpConnectorId
saved = call(
    "SaveConnection",
    Connection={
        "ErpConnectionId": 0,
        "ErpConnectorId": connector_id,
        "DisplayName": "Oslo \u00e6\u00f8\u00e5 \U0001F600",
        "DisplayDescription": "first line\nsecond line",
        "Active": True,
        "ConfigFields": {"StringKeyValuePair": [{"Key": "BaseUrl", "Value": "https://erp.example/?x=<1>"}]},
        "Deleted": False,
        "AllAccess": False,
        "UserGroupAccessIds": {"int": [1, 2, 3]},
    },
).body.Response
read = call("GetConnection", ErpConnectionId=saved.ErpConnectionId).body.Response
result = {
    "calls": calls,
    "connector": serialize_object(call("GetErpSyncConnectorEntity", ErpSyncConnectorEntityId=connector_id).body.Response),
    "connection": serialize_object(read),
    "operations": len(binding._operations),
}
if "GetAllConnections" in binding._operations:
    every = call("GetAllConnections", IncludeDeleted=True).body.Response
    result["allConnections"] = [c.ErpConnectionId for c in every.ErpConnection]
    result["allConnectors"] = serialize_object(call("GetAllConnectors").body.Response)
json.dump(result, sys.stdout, default=str)
