/**
 * The académie's table is deflated piece by piece while it is written (`DeflatedPart`): independent deflate
 * streams, each ended by a sync flush, put end to end. Read back whole by Python's zipfile (CRC checked) and by the
 * project's reader, over several pieces and with characters of 2, 3 and 4 bytes at the pieces' edges.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { compress, DeflatedPart, zipCompressed } from "../../../src/workbook/xlsx/zip-write";
import { ZipPackage } from "../../../src/workbook/xlsx/zip";
import { SYSTEM_PYTHON } from "../../helpers/python";

test("a part written in pieces of ~1 MB reads back whole, byte for byte, by zipfile and by the reader", async () => {
  const part = new DeflatedPart("xl/worksheets/sheet1.xml");
  const pieces: string[] = [];
  // ~3.6 MB in rows of varied length: several pieces, and a write that straddles each piece's limit.
  for (let i = 0; i < 40_000; i++) {
    const row = `<row r="${i + 1}"><c><is><t>Ligne ${i} — élève « ${"é".repeat(i % 7)} » 𝄞 ${"x".repeat(i % 50)}</t></is></c></row>`;
    pieces.push(row);
    part.write(row);
  }
  const text = pieces.join("");
  const expected = Buffer.from(text, "utf8");
  expect(expected.length).toBeGreaterThan(3 << 20);
  const bytes = zipCompressed([await part.end(), compress("small.txt", new TextEncoder().encode("petit"))]);

  const read = ZipPackage.open(bytes);
  expect(Buffer.from(read.read("xl/worksheets/sheet1.xml") ?? []).equals(expected)).toBe(true);
  expect(Buffer.from(read.read("small.txt") ?? []).toString()).toBe("petit");

  const file = path.join(mkdtempSync(path.join(tmpdir(), "ldm-zip-write-")), "t.zip");
  writeFileSync(file, bytes);
  const said = execFileSync(
    SYSTEM_PYTHON,
    [
      "-c",
      "import sys, zipfile, hashlib\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip())\n" +
        "d = z.read('xl/worksheets/sheet1.xml')\nprint(len(d), hashlib.sha256(d).hexdigest())",
      file,
    ],
    { encoding: "utf8" },
  ).split("\n");
  const { createHash } = await import("crypto");
  expect(said.slice(0, 2)).toEqual([
    "None",
    `${expected.length} ${createHash("sha256").update(expected).digest("hex")}`,
  ]);
});
