// `node saxesProcess.mjs FILE`: the file read as UTF-8 chunks and tokenized by saxes with namespaces and
// empty handlers; the whole-process baseline of `erpsync decode`.
import * as fs from "node:fs"
import * as process from "node:process"
import { SaxesParser } from "saxes"

const parser = new SaxesParser({ xmlns: true })
const noop = () => {}
parser.on("opentag", noop)
parser.on("text", noop)
parser.on("closetag", noop)
for await (const chunk of fs.createReadStream(process.argv[2], { encoding: "utf8" })) parser.write(chunk)
parser.close()
