/**
 * The codec's laws, as property tests of any message schema annotated for `@erpsync/codec`: a value
 * survives encoding and decoding in both SOAP versions, in any chunking of its bytes and in any namespace
 * style; encoding what was decoded is a fixpoint; and, given the WSDL's schemas, every encoded envelope
 * is valid against them. The values come from the arbitrary derived from the schema
 * (`@erpsync/codec/Arbitrary`). A failing law throws fast-check's report: the seed and path to replay it,
 * and the shrunk counterexample.
 *
 * In vitest, one line per message:
 *
 * ```ts
 * for (const law of Laws.of(MyMessage, { schemas })) it.skipIf(law.skip !== undefined)(law.name, law.run)
 * ```
 *
 * @since 0.3.0
 */
import { XmlCodec, type XmlError } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as fc from "fast-check"
import { inspect, isDeepStrictEqual } from "node:util"
import { expectedReading, faults, readingOf } from "./internal/faults.js"
import { SOAP11, SOAP12, XS, XSI } from "./internal/namespaces.js"
import { at, copy, elementChildren, type Site, sitesOf } from "./internal/sites.js"
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

const utf8 = new TextEncoder()

const show = (value: unknown) => inspect(value, { depth: 6, breakLength: Infinity })

const same = (what: string, actual: unknown, expected: unknown): void => {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: got ${show(actual)}, expected ${show(expected)}`)
  }
}

/** The value of a codec result, or an error naming the codec's typed error. */
const orThrow = <A>(result: Result.Result<A, { readonly _tag: string; readonly message: string }>): A =>
  Result.getOrThrowWith(result, (error) => new Error(`${error._tag}: ${error.message}`))

/**
 * A law. Its run first lets the event loop run: a test runner's worker (vitest's) answers its runner
 * between tests only then, and a file of many synchronous laws would otherwise hold it past the runner's
 * deadline.
 */
const law = (name: string, run: () => Promise<void> | void, skip?: string): Law => ({
  name,
  run: async () => {
    await new Promise<void>((resolve) => setImmediate(resolve))
    await run()
  },
  skip
})

/** What every law of one message is built from, made once. */
interface Subject<A, I> {
  readonly schema: Schema.Codec<A, I>
  readonly values: fc.Arbitrary<A>
  readonly parameters: fc.Parameters<unknown>
  readonly description: XmlCodec.Description
  readonly decode: (input: string | Uint8Array) => Result.Result<A, XmlError.DecodeError>
  /** The value encoded, in SOAP 1.1 unless told; throws the encoder's error. */
  readonly encodeSync: (value: A, version?: "1.1" | "1.2") => string
}

/**
 * Every law of a message schema.
 *
 * @since 0.3.0
 * @category laws
 */
export const of = <A, I>(schema: Schema.Codec<A, I>, options: LawOptions = {}): ReadonlyArray<Law> => {
  const runs = options.runs ?? 100
  const parameters = { numRuns: runs, ...(options.seed === undefined ? {} : { seed: options.seed }) }
  const values = Arbitrary.make(schema)
  const style = styles(namespacesOf(schema))
  const decode = XmlCodec.decodeResult(schema)
  const encode11 = XmlCodec.encodeResult(schema)
  const encode12 = XmlCodec.encodeResult(schema, { soapVersion: "1.2" })
  const decodeSync = (input: string | Uint8Array): A => orThrow(decode(input))
  const encodeSync = (value: A, version: "1.1" | "1.2" = "1.1"): string =>
    orThrow((version === "1.1" ? encode11 : encode12)(value))
  /** The value and the SOAP version the push decoder read from these chunks. */
  const feed = (chunks: Iterable<string | Uint8Array>): XmlCodec.Decoded<A> => {
    const decoder = XmlCodec.makeDecoder(schema)
    for (const chunk of chunks) orThrow(decoder.write(chunk))
    const { soapVersion, value } = orThrow(decoder.end())
    return { value, soapVersion }
  }
  const subject: Subject<A, I> = {
    schema,
    values,
    parameters,
    description: XmlCodec.describe(schema),
    decode,
    encodeSync
  }
  // What make takes: values with members that may be absent (minOccurs="0") left out.
  const inputs = Arbitrary.makeInput(schema)
  const complete = (input: unknown): A => schema.make(input)
  const laws: Array<Law> = [
    law("decode ∘ encode = identity, and the envelope read is SOAP 1.1", () =>
      fc.assert(
        fc.property(values, (value) => same("decoded", feed([encodeSync(value)]), { value, soapVersion: "1.1" })),
        parameters
      )),
    law("decode ∘ encode = identity for SOAP 1.2 envelopes, read as SOAP 1.2", () =>
      fc.assert(
        fc.property(values, (value) => {
          const xml = encodeSync(value, "1.2")
          if (!xml.includes(SOAP12)) throw new Error(`not a SOAP 1.2 envelope: ${xml.slice(0, 200)}`)
          same("decoded", feed([xml]), { value, soapVersion: "1.2" })
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
            Effect.result(XmlCodec.decodeStream(schema)(Stream.fromIterable(chunks)))
          )
          same("decoded", orThrow(decoded), value)
        }),
        parameters
      )),
    law("cutting inside every multibyte character decodes to the same value", () =>
      fc.assert(
        fc.property(values, (value) => {
          // One byte at a time: every multibyte character is split.
          const bytes = utf8.encode(encodeSync(value))
          same("decoded", feed(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1))).value, value)
        }),
        { ...parameters, numRuns: Math.max(10, Math.round(runs / 10)) }
      )),
    law("other prefixes, a default namespace and xsi:type attributes decode to the same value", () =>
      fc.assert(
        fc.property(values, style, (value, s) =>
          same("decoded", decodeSync(writeTree(parseTree(encodeSync(value)), s)), value)),
        parameters
      )),
    law("members left out are written absent: decode ∘ encode = make, which gives them their defaults", () =>
      fc.assert(
        fc.property(inputs, (input) => same("decoded", decodeSync(encodeSync(input as A)), complete(input))),
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
    ...oracleLaws(subject),
    ...negativeLaws(subject),
    faultLaw(subject)
  )
  const schemas = options.schemas
  if (schemas !== undefined) {
    laws.push(
      law(
        "encoded envelopes are valid against the WSDL's schemas, in SOAP 1.1 and 1.2",
        () => {
          // One xmllint process per version for all the cases; the first invalid document is reported.
          // Whole values and values with members left out (written absent, as minOccurs="0" allows).
          const sample = [...fc.sample(values, parameters), ...(fc.sample(inputs, parameters) as Array<A>)]
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
  return laws
}

/**
 * Runs every law of a message schema that can run here, one after the other; rejects with the first
 * failure, named by its law.
 *
 * @since 0.3.0
 * @category laws
 */
export const check = async <A, I>(schema: Schema.Codec<A, I>, options: LawOptions = {}): Promise<void> => {
  for (const law of of(schema, options)) {
    if (law.skip !== undefined) continue
    try {
      await law.run()
    } catch (error) {
      throw new Error(`${law.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
  }
}

const FOREIGN = "urn:erpsync:conformance:foreign"

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

const textOf = (element: Element): string | undefined =>
  element.children.every((c) => typeof c === "string") ? element.children.join("") : undefined

/** Whether a site is an element of one of these XML Schema simple types, with plain text and no xsi. */
const simpleText = (names: ReadonlySet<string>) => (site: Site): boolean =>
  site.member.type.kind === "simple" && site.member.type.name.namespace === XS &&
  names.has(site.member.type.name.name) && textOf(site.element) !== undefined &&
  !site.element.attributes.some((a) => a.uri === XSI)

const isNil = (a: { readonly uri: string; readonly local: string }) => a.uri === XSI && a.local === "nil"

/**
 * The negative laws: an encoded message changed in one place, at a member the schema's description names,
 * is refused with a typed error, or read as the codec documents (an element or attribute in a foreign
 * namespace as if it were absent; an integer's `+`, leading zeros and spaces, a boolean's `1` and `0`).
 */
const negativeLaws = <A, I>(
  { decode, description, encodeSync, parameters, values }: Subject<A, I>
): ReadonlyArray<Law> => {
  const outcome = (xml: string): Outcome => {
    const decoded = decode(xml)
    return Result.isSuccess(decoded)
      ? { ok: true, value: decoded.success }
      // The position aside, which moves with the text changed: the error's path, reason and detail.
      : { ok: false, tag: decoded.failure._tag, message: decoded.failure.message.replace(/^\d+:\d+: /, "") }
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
  ): Law =>
    law(name, () =>
      fc.assert(
        fc.property(values, fc.nat(), (value, choice) => {
          const xml = encodeSync(value)
          const root = parseTree(xml)
          const sites = sitesOf(root, description).filter(pick)
          if (sites.length === 0) return
          check(root, sites[choice % sites.length]!, xml)
        }),
        parameters
      ))
  /** The document with the site's parent's children changed by `change` (on a copy). */
  const changed = (root: Element, site: Site, change: (children: Array<Element | string>, index: number) => void) => {
    const tree = copy(root)
    change(at(tree, site.parentPath).children, site.index)
    return write(tree)
  }
  /** The document with the site's element replaced by those `f` gives (none: left out). */
  const replaced = (root: Element, site: Site, f: (element: Element) => ReadonlyArray<Element>) =>
    changed(root, site, (children, i) => void children.splice(i, 1, ...f(children[i] as Element)))
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
        return other.uri !== site.element.uri || other.local !== site.element.local
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
        refused("repeated", replaced(root, site, (element) => [element, copy(element)]), [
          "XmlDecodeError",
          "SoapEnvelopeError"
        ])
    ),
    atSite(
      "a required member left out is refused",
      (site) => site.member.minOccurs === 1 && !site.header,
      (root, site) =>
        // The body element left out leaves the Body empty: the envelope's error.
        refused("left out", replaced(root, site, () => []), ["XmlDecodeError", "SoapEnvelopeError"])
    ),
    atSite(
      "a member or header block in a foreign namespace is read as if it were absent",
      // The body element is no member: a body element of another name is refused (another law's case).
      (site) => site.parent.local !== "Body",
      (root, site) =>
        same(
          "moved into a foreign namespace, compared with left out",
          outcome(replaced(root, site, (element) => [{ ...element, uri: FOREIGN }])),
          outcome(replaced(root, site, () => []))
        )
    ),
    atSite(
      "xsi:nil in a foreign namespace is read as if it were absent",
      (site) => site.element.attributes.some(isNil),
      (root, site) =>
        same(
          "nil in a foreign namespace, compared with no nil",
          outcome(replaced(root, site, (element) => [{
            ...element,
            attributes: element.attributes.map((a) => (isNil(a) ? { ...a, uri: FOREIGN } : a))
          }])),
          outcome(replaced(root, site, (element) => [{
            ...element,
            attributes: element.attributes.filter((a) => !isNil(a))
          }]))
        )
    ),
    atSite(
      "an integer's other lexical forms (+, leading zeros, spaces) read as the same value",
      simpleText(INTEGER_TYPES),
      (root, site, xml) => {
        const text = textOf(site.element)!
        const original = outcome(xml)
        const forms = [` ${text} `, ...(text.startsWith("-") ? [`-0${text.slice(1)}`] : [`+${text}`, `00${text}`])]
        for (const form of forms) {
          same(
            `${JSON.stringify(form)} for ${JSON.stringify(text)}`,
            outcome(replaced(root, site, (element) => [{ ...element, children: [form] }])),
            original
          )
        }
      }
    ),
    atSite(
      "a boolean's 1 and 0 read as true and false; True, TRUE and yes are refused",
      simpleText(new Set(["boolean"])),
      (root, site, xml) => {
        const text = textOf(site.element)!
        const withText = (form: string) => replaced(root, site, (element) => [{ ...element, children: [form] }])
        same(
          `"${text === "true" ? "1" : "0"}" for "${text}"`,
          outcome(withText(text === "true" ? "1" : "0")),
          outcome(xml)
        )
        for (const form of ["True", "TRUE", "yes"]) refused(JSON.stringify(form), withText(form), ["XmlDecodeError"])
      }
    ),
    atSite(
      "a body in the SOAP 1.2 namespace inside a SOAP 1.1 envelope is refused",
      (site) => !site.header && site.parent.local === "Body" && site.parent.uri === SOAP11,
      (root, site) => {
        // The Body is the root's child the site's path starts with.
        const tree = copy(root)
        const index = site.parentPath[0]!
        tree.children[index] = { ...(tree.children[index] as Element), uri: SOAP12 }
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
const oracleLaws = <A, I>({ description, encodeSync, parameters, values }: Subject<A, I>): ReadonlyArray<Law> => [
  law("the encoding does not depend on the order of a value's properties", () =>
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
    )),
  law(
    "the encoding is canonical: members and header blocks in order, true and false, nil as xsi:nil=\"true\"",
    () =>
      fc.assert(
        fc.property(values, (value) => {
          const xml = encodeSync(value)
          const root = parseTree(xml)
          const last = new Map<Element, number>()
          for (const site of sitesOf(root, description)) {
            const element = site.element
            const where = `${element.local} in ${site.parent.local}`
            if ((last.get(site.parent) ?? -1) > site.position) {
              throw new Error(`${where}: out of its sequence's order: ${xml}`)
            }
            last.set(site.parent, site.position)
            const nil = element.attributes.find(isNil)
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
  )
]

/**
 * The fault law: any SOAP Fault, SOAP 1.1 or 1.2, with any text and language, codes in any namespace (any
 * text in the attribute declaring it), a Node and Role, and a detail of elements and attributes in any
 * namespace, decodes to the `SoapFault` it was written from, whichever message was expected. Its detail
 * is read back as XML text that parses, alone, to the elements, attributes and text written.
 */
const faultLaw = <A, I>({ decode, parameters }: Subject<A, I>): Law =>
  law("any SOAP Fault written is read back as the SoapFault it was written from", () =>
    fc.assert(
      fc.property(faults, (fault) => {
        const xml = XmlCodec.encodeFault(fault)
        const decoded = decode(xml)
        if (Result.isSuccess(decoded) || decoded.failure._tag !== "SoapFault") {
          throw new Error(
            `not read as a SoapFault: ${Result.isSuccess(decoded) ? show(decoded.success) : decoded.failure.message}`
          )
        }
        same("read back", readingOf(decoded.failure), expectedReading(fault))
      }),
      parameters
    ))
