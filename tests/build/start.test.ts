/**
 * `npm start` and `npm run preview` as the README says, on this machine (no desktop Excel, no sudo, no
 * trusted certificate): the preview's address comes first, the page is served, no stack trace.
 */
import { spawn, type ChildProcess } from "child_process";
import { get } from "http";
import { REPO } from "../helpers/paths";

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

async function startAndReach(script: string[], port: number) {
  const child: ChildProcess = spawn("npm", script, {
    cwd: REPO,
    detached: true,
    env: { ...process.env, LDM_PORT: String(port), CI: "true" },
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  try {
    const deadline = Date.now() + 150_000;
    let page: { status: number; body: string } | undefined;
    while (Date.now() < deadline) {
      const m = /Aperçu sans Excel : (\S+)/.exec(out);
      if (m) {
        page = await fetchText(m[1]).catch(() => undefined);
        if (page?.status === 200) break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    return { out, err, page };
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  }
}

test.each([
  [["start"], 3917],
  [["run", "preview"], 3918],
])(
  "npm %j serves the preview, prints its address first, needs no sudo, no stack trace",
  async (script, port) => {
    const { out, err, page } = await startAndReach(script, port);
    // npm's own header (« > fiches-ldm@… start ») aside, our first line is the preview's address.
    const ours = out.split("\n").filter((l) => l.trim() !== "" && !l.startsWith(">"));
    expect(ours[0]).toBe(`Aperçu sans Excel : http://127.0.0.1:${port}/preview.html`);
    expect(page?.status).toBe(200);
    expect(page?.body).toContain("Fiches LDM — aperçu sans Excel");
    expect(`${out}\n${err}`).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|sudo: not found|Unable to install/);
  },
  180_000,
);
