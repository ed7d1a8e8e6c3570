/** Namespace URIs the laws and the rewriter know: XML's own, XML Schema's, and the two SOAP envelopes. */
import { Soap } from "@erpsync/codec"

export const XML = "http://www.w3.org/XML/1998/namespace"
export const XMLNS = "http://www.w3.org/2000/xmlns/"
export const XS = "http://www.w3.org/2001/XMLSchema"
export const XSI = "http://www.w3.org/2001/XMLSchema-instance"
export const SOAP11 = Soap.SOAP11_NAMESPACE
export const SOAP12 = Soap.SOAP12_NAMESPACE
