/** Namespace URIs the codec itself knows: XML and its namespace declarations, XML Schema and its instance, and the two SOAP envelopes. */
export const XML = "http://www.w3.org/XML/1998/namespace"
export const XMLNS = "http://www.w3.org/2000/xmlns/"
export const XS = "http://www.w3.org/2001/XMLSchema"
export const XSI = "http://www.w3.org/2001/XMLSchema-instance"
export const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
export const SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
