/**
 * The codec's laws, as property tests of any message schema annotated for `@erpsync/codec`: a value
 * survives encoding and decoding in both SOAP versions, in any chunking of its bytes and in any namespace
 * style; encoding what was decoded is a fixpoint; and, given the WSDL's schemas, every encoded envelope
 * is valid against them. The values come from the schema's own arbitrary (`effect/Arbitrary`). A failing
 * law throws fast-check's report: the seed and path to replay it, and the shrunk counterexample.
 *
 * In vitest, one line per message:
 *
 * ```ts
 * for (const law of Laws.of(MyMessage, { schemas })) it.skipIf(law.skip !== undefined)(law.name, law.run)
 * ```
 *
 * @since 0.3.0
 */
import { XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { inspect, isDeepStrictEqual } from "node:util"
import { at, copy, elementChildren, pathTo, type Site, sitesOf } from "./internal/sites.js"
import { cut, type Element, namespacesOf, parseTree, styles, writeTree } from "./Variants.js"
import { type SchemaSet, validate, xmllintAvailable } from "./XmlSchemas.js"

/**
 * A law of one message: its name, what checks it, and why it does not run here, if it does not.
 *
 * @since 0.3.0
 * @category models
 */
export interface Law {
  readonly name: string
  /** Resolves when the law held for every generated case; rejects with fast-check's report otherwise. */
  readonly run: () => Promise<void>
  /** Why the law cannot run here (`xmllint` missing), or `undefined`. */
  readonly skip: string | undefined
}

/**
 * Options of the laws.
 *
 * @since 0.3.0
 * @category options
 */
export interface LawOptions {
  /** Cases per law (default 100). */
  readonly runs?: number | undefined
  /** The seed, to replay a failure fast-check reported. */
  readonly seed?: number | undefined
  /** The WSDL's schemas (`XmlSchemas.fromWsdl`): with them, the XSD validity law. */
  readonly schemas?: SchemaSet | undefined
}

const SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
const utf8 = new TextEncoder()

const show = (value: unknown) => inspect(value, { depth: 6, breakLength: Infinity })

const same = (what: string, actual: unknown, expected: unknown): void => {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: got ${show(actual)}, expected ${show(expected)}`)
  }
}

/**
 * Every law of a message schema.
 *
 * @since 0.3.0
 * @category laws
 */
export const of = <A, I>(schema: Schema.Schema<A, I, never>, options: LawOptions = {}): ReadonlyArray<Law> => {
  const runs = options.runs ?? 100
  const parameters = { numRuns: runs, ...(options.seed === undefined ? {} : { seed: options.seed }) }
  const values = Arbitrary.make(schema)
  const style = styles(namespacesOf(schema))
  const decode = XmlCodec.decodeEither(schema)
  const encode11 = XmlCodec.encodeEither(schema)
  const encode12 = XmlCodec.encodeEither(schema, { soapVersion: "1.2" })
  const decodeSync = (input: string | Uint8Array): A =>
    Either.getOrThrowWith(decode(input), (error) => new Error(`${error._tag}: ${error.message}`))
  const encodeSync = (value: A, version: "1.1" | "1.2" = "1.1"): string =>
    Either.getOrThrowWith(
      (version === "1.1" ? encode11 : encode12)(value),
      (error) => new Error(`${error._tag}: ${error.message}`)
    )
  /** The value and the SOAP version the decoder read. */
  const decodeVersioned = (xml: string): XmlCodec.Decoded<A> => {
    const decoder = XmlCodec.makeDecoder(schema)
    const written = decoder.write(xml)
    if (Either.isLeft(written)) throw new Error(`${written.left._tag}: ${written.left.message}`)
    const ended = decoder.end()
    if (Either.isLeft(ended)) throw new Error(`${ended.left._tag}: ${ended.left.message}`)
    return { value: ended.right.value, soapVersion: ended.right.soapVersion }
  }
  const law = (name: string, run: () => Promise<void> | void, skip?: string): Law => ({
    name,
    run: async () => {
      await run()
    },
    skip
  })
  const laws: Array<Law> = [
    law("decode ∘ encode = identity, and the envelope read is SOAP 1.1", () =>
      fc.assert(
        fc.property(values, (value) =>
          same("decoded", decodeVersioned(encodeSync(value)), { value, soapVersion: "1.1" })),
        parameters
      )),
    law("decode ∘ encode = identity for SOAP 1.2 envelopes, read as SOAP 1.2", () =>
      fc.assert(
        fc.property(values, (value) => {
          const xml = encodeSync(value, "1.2")
          if (!xml.includes(SOAP12)) throw new Error(`not a SOAP 1.2 envelope: ${xml.slice(0, 200)}`)
          same("decoded", decodeVersioned(xml), { value, soapVersion: "1.2" })
        }),
        parameters
      )),
    law("any chunking of the bytes decodes to the same value", () =>
      fc.assert(
        fc.asyncProperty(values, fc.array(fc.nat(), { maxLength: 40 }), style, async (value, offsets, s) => {
          // Written again with CRLF indentation and other prefixes, so that cuts fall inside CR LF too.
          const xml = writeTree(parseTree(encodeSync(value)), { ...s, indent: true })
          const chunks = cut(utf8.encode(xml), offsets)
          const decoded = await Effect.runPromise(
            Effect.either(XmlCodec.decodeStream(schema)(Stream.fromIterable(chunks)))
          )
          if (Either.isLeft(decoded)) throw new Error(`${decoded.left._tag}: ${decoded.left.message}`)
          same("decoded", decoded.right, value)
        }),
        parameters
      )),
    law("cutting inside every multibyte character decodes to the same value", () =>
      fc.assert(
        fc.property(values, (value) => {
          const bytes = utf8.encode(encodeSync(value))
          const decoder = XmlCodec.makeDecoder(schema)
          for (let i = 0; i < bytes.length; i++) {
            const written = decoder.write(bytes.subarray(i, i + 1))
            if (Either.isLeft(written)) throw new Error(`${written.left._tag}: ${written.left.message}`)
          }
          const ended = decoder.end()
          if (Either.isLeft(ended)) throw new Error(`${ended.left._tag}: ${ended.left.message}`)
          same("decoded", ended.right.value, value)
        }),
        { ...parameters, numRuns: Math.max(10, Math.round(runs / 10)) }
      )),
    law("other prefixes, a default namespace and xsi:type attributes decode to the same value", () =>
      fc.assert(
        fc.property(values, style, (value, s) =>
          same("decoded", decodeSync(writeTree(parseTree(encodeSync(value)), s)), value)),
        parameters
      )),
    law("encode ∘ decode is a fixpoint after one pass", () =>
      fc.assert(
        fc.property(values, style, (value, s) => {
          const once = encodeSync(decodeSync(writeTree(parseTree(encodeSync(value)), s)))
          same("encoded again", encodeSync(decodeSync(once)), once)
        }),
        parameters
      ))
  ]
  laws.push(
    ...oracleLaws(schema, values, parameters, encodeSync),
    ...negativeLaws(schema, values, parameters, encodeSync),
    faultLaw(schema, parameters)
  )
  const schemas = options.schemas
  if (schemas !== undefined) {
    laws.push(
      law(
        "encoded envelopes are valid against the WSDL's schemas, in SOAP 1.1 and 1.2",
        () => {
          // One xmllint process per version for all the cases; the first invalid document is reported.
          const sample = fc.sample(values, parameters)
          for (const [version, file] of [["1.1", schemas.soap11], ["1.2", schemas.soap12]] as const) {
            const documents = sample.map((value) => encodeSync(value, version))
            const result = validate(file, documents)
            if (!result.ok) {
              throw new Error(
                `SOAP ${version}: xmllint (seed ${parameters.seed ?? "random"}):\n${result.output.slice(0, 2000)}`
              )
            }
          }
        },
        xmllintAvailable()
          ? undefined
          : "xmllint is not installed (Debian: libxml2-utils); the XSD validity law is skipped"
      )
    )
  }
  return laws.map(yielding)
}

/**
 * A law that first lets the event loop run: a test runner's worker (vitest's) answers its runner between
 * tests only then, and a file of many synchronous laws would otherwise hold it past the runner's deadline.
 */
const yielding = (law: Law): Law => ({
  ...law,
  run: async () => {
    await new Promise<void>((resolve) => setImmediate(resolve))
    await law.run()
  }
})

/**
 * Runs every law of a message schema that can run here, one after the other; rejects with the first
 * failure, named by its law.
 *
 * @since 0.3.0
 * @category laws
 */
export const check = async <A, I>(schema: Schema.Schema<A, I, never>, options: LawOptions = {}): Promise<void> => {
  for (const law of of(schema, options)) {
    if (law.skip !== undefined) continue
    try {
      await law.run()
    } catch (error) {
      throw new Error(`${law.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
  }
}

const XSI = "http://www.w3.org/2001/XMLSchema-instance"
const FOREIGN = "urn:erpsync:conformance:foreign"
const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"

const namespacesIn = (root: Element): ReadonlyArray<string> => {
  const found = new Set<string>()
  const visit = (e: Element) => {
    if (e.uri !== "") found.add(e.uri)
    for (const a of e.attributes) if (a.uri !== "" && a.uri !== XSI) found.add(a.uri)
    for (const c of e.children) if (typeof c !== "string") visit(c)
  }
  visit(root)
  return [...found]
}

/** A tree written with a prefix of its own for every namespace, all declared on the root. */
const write = (root: Element): string =>
  writeTree(root, {
    prefixes: new Map(namespacesIn(root).map((ns, i) => [ns, `p${i}`])),
    declareOnRoot: true,
    xsiTypes: false,
    indent: false,
    xsiPrefix: "i"
  })

/** What a decoding gave, comparable: the value, or the error's tag. */
type Outcome = { readonly ok: true; readonly value: unknown } | {
  readonly ok: false
  readonly tag: string
  readonly message: string
}

const INTEGER_TYPES = new Set([
  "int",
  "long",
  "short",
  "byte",
  "unsignedInt",
  "unsignedLong",
  "unsignedShort",
  "unsignedByte"
])
const XS = "http://www.w3.org/2001/XMLSchema"

const textOf = (element: Element): string | undefined =>
  element.children.every((c) => typeof c === "string") ? element.children.join("") : undefined

/**
 * The negative laws: an encoded message changed in one place, at a member the schema's description names,
 * is refused with a typed error, or read as the codec documents (an element or attribute in a foreign
 * namespace as if it were absent; an integer's `+`, leading zeros and spaces, a boolean's `1` and `0`).
 */
const negativeLaws = <A, I>(
  schema: Schema.Schema<A, I, never>,
  values: fc.Arbitrary<A>,
  parameters: fc.Parameters<unknown>,
  encodeSync: (value: A) => string
): ReadonlyArray<Law> => {
  const description = XmlCodec.describe(schema)
  const decode = XmlCodec.decodeEither(schema)
  const outcome = (xml: string): Outcome => {
    const decoded = decode(xml)
    return Either.isRight(decoded)
      ? { ok: true, value: decoded.right }
      // The position aside, which moves with the text changed: the error's path, reason and detail.
      : { ok: false, tag: decoded.left._tag, message: decoded.left.message.replace(/^\d+:\d+: /, "") }
  }
  const refused = (what: string, xml: string, tags: ReadonlyArray<string>) => {
    const got = outcome(xml)
    if (got.ok) throw new Error(`${what}: read as ${show(got.value)} instead of refused; the document: ${xml}`)
    if (!tags.includes(got.tag)) {
      throw new Error(`${what}: refused with ${got.tag} (${got.message}), expected ${tags.join(" or ")}`)
    }
  }
  /** A law over one site of each generated message that `pick` accepts. */
  const atSite = (
    name: string,
    pick: (site: Site) => boolean,
    check: (root: Element, site: Site, xml: string) => void
  ): Law => ({
    name,
    skip: undefined,
    run: async () => {
      fc.assert(
        fc.property(values, fc.nat(), (value, choice) => {
          const xml = encodeSync(value)
          const root = parseTree(xml)
          const sites = sitesOf(root, description).filter(pick)
          if (sites.length === 0) return
          check(root, sites[choice % sites.length]!, xml)
        }),
        parameters
      )
    }
  })
  /** The document with the site's parent changed by `change` (on a copy). */
  const changed = (root: Element, site: Site, change: (children: Array<Element | string>, index: number) => void) => {
    const tree = copy(root)
    const parent = at(tree, pathTo(root, site.parent)!)
    change(parent.children, site.index)
    return write(tree)
  }
  const child = (site: Site) => site.parent.children[site.index] as Element
  const next = (site: Site): number | undefined => {
    const siblings = elementChildren(site.parent)
    const position = siblings.findIndex(([index]) => index === site.index)
    return siblings[position + 1]?.[0]
  }
  return [
    atSite(
      "two members of a sequence swapped are refused",
      (site) => {
        if (site.header) return false
        const after = next(site)
        if (after === undefined) return false
        const other = site.parent.children[after] as Element
        return other.uri !== child(site).uri || other.local !== child(site).local
      },
      (root, site) =>
        refused(
          "swapped",
          changed(root, site, (children, i) => {
            const j = next(site)!
            const a = children[i]!
            children[i] = children[j]!
            children[j] = a
          }),
          ["XmlDecodeError"]
        )
    ),
    atSite(
      "a member repeated that may occur once is refused",
      (site) => site.member.maxOccurs === 1,
      (root, site) =>
        refused(
          "repeated",
          changed(root, site, (children, i) => void children.splice(i + 1, 0, copy(children[i] as Element))),
          [
            "XmlDecodeError",
            "SoapEnvelopeError"
          ]
        )
    ),
    atSite(
      "a required member left out is refused",
      (site) => site.member.minOccurs === 1 && !site.header,
      (root, site) =>
        // The body element left out leaves the Body empty: the envelope's error.
        refused("left out", changed(root, site, (children, i) => void children.splice(i, 1)), [
          "XmlDecodeError",
          "SoapEnvelopeError"
        ])
    ),
    atSite(
      "a member or header block in a foreign namespace is read as if it were absent",
      // The body element is no member: a body element of another name is refused (another law's case).
      (site) => site.parent.local !== "Body",
      (root, site) => {
        const moved = outcome(changed(root, site, (children, i) => {
          const element = children[i] as Element
          children[i] = { ...element, uri: FOREIGN }
        }))
        const absent = outcome(changed(root, site, (children, i) => void children.splice(i, 1)))
        same("moved into a foreign namespace, compared with left out", moved, absent)
      }
    ),
    atSite(
      "xsi:nil in a foreign namespace is read as if it were absent",
      (site) => child(site).attributes.some((a) => a.uri === XSI && a.local === "nil"),
      (root, site) => {
        const foreign = outcome(changed(root, site, (children, i) => {
          const element = children[i] as Element
          children[i] = {
            ...element,
            attributes: element.attributes.map((a) => (a.uri === XSI && a.local === "nil" ? { ...a, uri: FOREIGN } : a))
          }
        }))
        const without = outcome(changed(root, site, (children, i) => {
          const element = children[i] as Element
          children[i] = {
            ...element,
            attributes: element.attributes.filter((a) => !(a.uri === XSI && a.local === "nil"))
          }
        }))
        same("nil in a foreign namespace, compared with no nil", foreign, without)
      }
    ),
    atSite(
      "an integer's other lexical forms (+, leading zeros, spaces) read as the same value",
      (site) =>
        site.member.type.kind === "simple" && site.member.type.name.namespace === XS &&
        INTEGER_TYPES.has(site.member.type.name.name) && textOf(child(site)) !== undefined &&
        !child(site).attributes.some((a) => a.uri === XSI),
      (root, site, xml) => {
        const text = textOf(child(site))!
        const original = outcome(xml)
        const forms = [` ${text} `, ...(text.startsWith("-") ? [`-0${text.slice(1)}`] : [`+${text}`, `00${text}`])]
        for (const form of forms) {
          same(
            `${JSON.stringify(form)} for ${JSON.stringify(text)}`,
            outcome(changed(root, site, (children, i) => {
              children[i] = { ...(children[i] as Element), children: [form] }
            })),
            original
          )
        }
      }
    ),
    atSite(
      "a boolean's 1 and 0 read as true and false; True, TRUE and yes are refused",
      (site) =>
        site.member.type.kind === "simple" && site.member.type.name.namespace === XS &&
        site.member.type.name.name === "boolean" && textOf(child(site)) !== undefined &&
        !child(site).attributes.some((a) => a.uri === XSI),
      (root, site, xml) => {
        const text = textOf(child(site))!
        const replaced = (form: string) =>
          changed(root, site, (children, i) => {
            children[i] = { ...(children[i] as Element), children: [form] }
          })
        same(
          `"${text === "true" ? "1" : "0"}" for "${text}"`,
          outcome(replaced(text === "true" ? "1" : "0")),
          outcome(xml)
        )
        for (const form of ["True", "TRUE", "yes"]) refused(JSON.stringify(form), replaced(form), ["XmlDecodeError"])
      }
    ),
    atSite(
      "a body in the SOAP 1.2 namespace inside a SOAP 1.1 envelope is refused",
      (site) => !site.header && site.parent.local === "Body" && site.parent.uri === SOAP11,
      (root, site) => {
        const tree = copy(root)
        const body = at(tree, pathTo(root, site.parent)!)
        const index = tree.children.indexOf(body)
        tree.children[index] = { ...body, uri: SOAP12 }
        refused("a SOAP 1.2 Body in a SOAP 1.1 Envelope", write(tree), ["SoapEnvelopeError", "XmlDecodeError"])
      }
    )
  ]
}

/** `value` with the properties of every plain object in another order (the same for the same `seed`). */
const shuffled = (value: unknown, seed: number): unknown => {
  let state = seed >>> 0
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32
  const go = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(go)
    if (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== Object.prototype) return v
    const entries = Object.entries(v)
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[entries[i], entries[j]] = [entries[j]!, entries[i]!]
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, go(x)]))
  }
  return go(value)
}

/**
 * The oracle laws: what the encoder writes is the one canonical form the WSDL prescribes, whatever the
 * value looks like in memory.
 */
const oracleLaws = <A, I>(
  schema: Schema.Schema<A, I, never>,
  values: fc.Arbitrary<A>,
  parameters: fc.Parameters<unknown>,
  encodeSync: (value: A) => string
): ReadonlyArray<Law> => {
  const description = XmlCodec.describe(schema)
  return [
    {
      name: "the encoding does not depend on the order of a value's properties",
      skip: undefined,
      run: async () => {
        fc.assert(
          fc.property(
            values,
            fc.nat(),
            (value, seed) =>
              same(
                "encoded with the properties in another order",
                encodeSync(shuffled(value, seed) as A),
                encodeSync(value)
              )
          ),
          parameters
        )
      }
    },
    {
      name: "the encoding is canonical: members and header blocks in order, true and false, nil as xsi:nil=\"true\"",
      skip: undefined,
      run: async () => {
        fc.assert(
          fc.property(values, (value) => {
            const xml = encodeSync(value)
            const root = parseTree(xml)
            const last = new Map<Element, number>()
            for (const site of sitesOf(root, description)) {
              const element = site.parent.children[site.index] as Element
              const where = `${element.local} in ${site.parent.local}`
              if ((last.get(site.parent) ?? -1) > site.position) {
                throw new Error(`${where}: out of its sequence's order: ${xml}`)
              }
              last.set(site.parent, site.position)
              const nil = element.attributes.find((a) => a.uri === XSI && a.local === "nil")
              if (nil !== undefined && (nil.value !== "true" || element.children.length > 0)) {
                throw new Error(
                  `${where}: a nil element is written <${element.local} i:nil="true"/>, not ${show(element)}`
                )
              }
              const type = site.member.type
              if (
                nil === undefined && type.kind === "simple" && type.name.namespace === XS &&
                type.name.name === "boolean" && !["true", "false"].includes(textOf(element) ?? "")
              ) {
                throw new Error(`${where}: a boolean is written true or false, not ${JSON.stringify(textOf(element))}`)
              }
            }
            const parts = root.children.filter((c): c is Element => typeof c !== "string").map((e) => e.local)
            if (parts.join(",") !== "Body" && parts.join(",") !== "Header,Body") {
              throw new Error(`the envelope holds ${parts.join(", ")}, not a Header (if any) then a Body`)
            }
          }),
          parameters
        )
      }
    }
  ]
}

// Text XML 1.0 can carry: no control characters but tab, line feed and carriage return, no lone surrogates,
// no U+FFFE or U+FFFF.
const xmlChars = fc.string({ unit: "binary", minLength: 1, maxLength: 4 }).filter((text) =>
  /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u.test(text)
)
// What escaping must get right, often: markup characters, quotes, and the white space a reader normalises.
const special = fc.constantFrom("\t", "\n", "\r", "\r\n", "&", "<", ">", "\"", "'", " ", "]]>", "&amp;")
const xmlText = fc.array(fc.oneof(special, xmlChars), { maxLength: 12 }).map((parts) => parts.join(""))
const ncName = fc.stringMatching(/^[A-Za-z_][\w.-]{0,12}$/)
const qname = (envelope: string) =>
  fc.record({
    namespace: fc.oneof(
      fc.constant(envelope),
      fc.constantFrom("urn:erpsync:faults", "http://example.com/a?b=1&c=\"2\""),
      fc.constant(""),
      // Any text in the attribute that declares it: escaping (`&`, `<`, `"`, and tab, line feed and
      // carriage return, which attribute-value normalisation would turn into spaces) is a property of its own.
      // (A namespace name is read trimmed, as saxes reads every one: a URI has no spaces at its ends.)
      xmlText.map((text) => `urn:x:${text}:end`)
    ),
    name: ncName
  })
const language = fc.stringMatching(/^[a-z]{2,3}(-[A-Z]{2})?$/)

/** A Fault the codec writes, and what reading it must give back. */
const faults = fc.constantFrom("1.1" as const, "1.2" as const).chain((soapVersion) => {
  const envelope = soapVersion === "1.1" ? SOAP11 : SOAP12
  return fc.record({
    soapVersion: fc.constant(soapVersion),
    code: qname(envelope),
    subcodes: soapVersion === "1.1" ? fc.constant([]) : fc.array(qname("urn:erpsync:faults"), { maxLength: 3 }),
    text: xmlText,
    lang: language,
    actor: fc.option(xmlText, { nil: undefined })
  })
})

/**
 * The fault law: any SOAP Fault, with any text and language, codes in any namespace (any text in the
 * attribute declaring it), SOAP 1.1 or 1.2, decodes to the `SoapFault` it was written from,
 * whichever message was expected.
 */
const faultLaw = <A, I>(schema: Schema.Schema<A, I, never>, parameters: fc.Parameters<unknown>): Law => ({
  name: "any SOAP Fault written is read back as the SoapFault it was written from",
  skip: undefined,
  run: async () => {
    const decode = XmlCodec.decodeEither(schema)
    fc.assert(
      fc.property(faults, (fault) => {
        const xml = XmlCodec.encodeFault(fault)
        const decoded = decode(xml)
        if (Either.isRight(decoded) || decoded.left._tag !== "SoapFault") {
          throw new Error(
            `not read as a SoapFault: ${Either.isRight(decoded) ? show(decoded.right) : decoded.left.message}`
          )
        }
        const read = decoded.left
        same("read back", {
          soapVersion: read.soapVersion,
          code: read.code,
          subcodes: read.subcodes,
          text: read.text,
          texts: read.texts,
          actor: read.actor
        }, {
          soapVersion: fault.soapVersion,
          code: fault.code,
          subcodes: fault.subcodes,
          text: fault.text,
          texts: [{ lang: fault.lang, text: fault.text }],
          actor: fault.actor
        })
      }),
      parameters
    )
  }
})
