/** Waits for Office.js, with a deadline: a pane must never stay blank when Office cannot load. */
export type HostInfo = { host: string | null };

export function officeReady(timeoutMs: number): Promise<HostInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
      clearTimeout(timer);
      reject(new Error("no-office"));
      return;
    }
    Office.onReady((info) => {
      clearTimeout(timer);
      resolve({ host: info.host ? String(info.host) : null });
    }).catch((e: unknown) => {
      clearTimeout(timer);
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}
