/**
 * A workbook written by the command line asks Excel to open the pane (#28): the web extension and task pane
 * parts of Microsoft's « Automatically open a task pane with a document », read back from the file by
 * Python's zipfile and ElementTree (an independent reader), for `generate`, the batch and `update`.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { REPO } from "../helpers/paths";
import { editWithOpenpyxl, SYSTEM_PYTHON } from "../helpers/python";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-autoopen-"));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Parts {
  taskpane?: { visibility: string; dockstate: string; target: string };
  reference?: { id: string; version: string; store: string; storeType: string };
  properties?: Record<string, string>;
  contentTypes: Record<string, string>;
  rootRel?: string;
}

/** The auto-open parts as a reader that follows the relationships finds them. */
function autoOpenParts(file: string): Parts {
  const script = `
import sys, json, zipfile, posixpath
import xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
R = "{http://schemas.openxmlformats.org/package/2006/relationships}"
WE = "{http://schemas.microsoft.com/office/webextensions/webextension/2010/11}"
TP = "{http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11}"
RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
out = {"contentTypes": {}}
for o in ET.fromstring(z.read("[Content_Types].xml")):
    if o.get("PartName"): out["contentTypes"][o.get("PartName")] = o.get("ContentType")
for r in ET.fromstring(z.read("_rels/.rels")):
    if r.get("Type") == "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes":
        out["rootRel"] = r.get("Target")
if "rootRel" in out:
    part = out["rootRel"].lstrip("/")
    panes = ET.fromstring(z.read(part))
    pane = panes.find(TP + "taskpane")
    ref = pane.find(TP + "webextensionref").get(RID)
    rels_part = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    target = [r.get("Target") for r in ET.fromstring(z.read(rels_part)) if r.get("Id") == ref][0]
    we_part = posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
    out["taskpane"] = {"visibility": pane.get("visibility"), "dockstate": pane.get("dockstate"), "target": we_part}
    we = ET.fromstring(z.read(we_part))
    r = we.find(WE + "reference")
    out["reference"] = {k: r.get(k) for k in ("id", "version", "store", "storeType")}
    out["properties"] = {p.get("name"): p.get("value") for p in we.find(WE + "properties")}
print(json.dumps(out))`;
  return JSON.parse(execFileSync(SYSTEM_PYTHON, ["-c", script, file], { encoding: "utf8" })) as Parts;
}

const manifest = readFileSync(path.join(REPO, "manifest.xml"), "utf8");
const ID = /<Id>([^<]+)<\/Id>/.exec(manifest)?.[1];
const VERSION = /<Version>([^<]+)<\/Version>/.exec(manifest)?.[1];

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
}, 120_000);

test("generate: the add-in of manifest.xml, centrally deployed, opens with the workbook", () => {
  expect(run(["generate", "--uai", "0040007L", "--out", "fiches.xlsx"]).code).toBe(0);
  const p = autoOpenParts(path.join(dir, "fiches.xlsx"));
  expect(p.rootRel).toBe("xl/webextensions/taskpanes.xml");
  expect(p.taskpane).toEqual({ visibility: "0", dockstate: "right", target: "xl/webextensions/webextension1.xml" });
  expect(p.reference).toEqual({ id: ID, version: VERSION, store: "EXCatalog", storeType: "EXCatalog" });
  expect(p.properties).toEqual({ "Office.AutoShowTaskpaneWithDocument": "true" });
  expect(p.contentTypes["/xl/webextensions/taskpanes.xml"]).toBe("application/vnd.ms-office.webextensiontaskpanes+xml");
  expect(p.contentTypes["/xl/webextensions/webextension1.xml"]).toBe("application/vnd.ms-office.webextension+xml");
  // The check reads it as the same workbook without the parts.
  expect(run(["generate", "--uai", "0040007L", "--out", "nu.xlsx", "--store-type", "aucun"]).code).toBe(0);
  const findings = (f: string) =>
    (JSON.parse(run(["check", "--json", f]).out) as { findings: unknown[] }[])[0].findings;
  expect(findings("fiches.xlsx")).toEqual(findings("nu.xlsx"));
});

test("--store-type: a shared folder catalog, or none; a batch is tagged as one workbook", () => {
  expect(
    run(["generate", "--out", "partage.xlsx", "--store-type", "FileSystem", "--store", "\\\\srv\\catalogue"]).code,
  ).toBe(0);
  expect(autoOpenParts(path.join(dir, "partage.xlsx")).reference).toEqual({
    id: ID,
    version: VERSION,
    store: "\\\\srv\\catalogue",
    storeType: "FileSystem",
  });
  expect(run(["generate", "--out", "sans.xlsx", "--store-type", "aucun"]).code).toBe(0);
  expect(autoOpenParts(path.join(dir, "sans.xlsx")).rootRel).toBeUndefined();
  const bad = run(["generate", "--out", "x.xlsx", "--store-type", "SPCatalog"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/^--store-type SPCatalog : indiquez --store/);
  expect(run(["generate", "--academie", "corse", "--out-dir", "lot"]).code).toBe(0);
  for (const f of readdirSync(path.join(dir, "lot")))
    expect(autoOpenParts(path.join(dir, "lot", f)).reference?.storeType).toBe("EXCatalog");
});

test("update: a workbook another program saved without the parts gets them back when it is rewritten", () => {
  expect(run(["generate", "--out", "edite.xlsx", "--store-type", "aucun"]).code).toBe(0);
  editWithOpenpyxl(path.join(dir, "edite.xlsx"), [
    "c3 = wb[[n for n in wb.sheetnames if n.startswith('C3 ')][0]]",
    "c3.data_validations.dataValidation = []",
  ]);
  expect(autoOpenParts(path.join(dir, "edite.xlsx")).rootRel).toBeUndefined();
  const r = run(["update", "edite.xlsx"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/mis à jour/);
  expect(autoOpenParts(path.join(dir, "edite.xlsx")).reference?.id).toBe(ID);
  // Tagged once: a second update of the tagged workbook adds nothing.
  expect(run(["update", "edite.xlsx"]).out).toMatch(/rien à mettre à jour/);
});
