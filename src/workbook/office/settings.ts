/**
 * The document's add-in settings (Office common API, `Office.context.document.settings`): where the workbook
 * asks Excel to open the Fiches LDM pane for everyone who opens it and has the add-in (learn.microsoft.com,
 * « Automatically open a task pane with a document »: the setting below, and the manifest's TaskpaneId
 * `Office.AutoShowTaskpaneWithDocument`).
 */
export const AUTO_OPEN_SETTING = "Office.AutoShowTaskpaneWithDocument";

export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /** Saves the settings into the document (they travel with it, to every co-author). */
  save(): Promise<void>;
}

/** The Office-backed settings of the open workbook. */
export function officeDocumentSettings(settings: Office.Settings = Office.context.document.settings): DocumentSettings {
  return {
    get: (name) => settings.get(name),
    set: (name, value) => settings.set(name, value),
    save: () =>
      new Promise<void>((resolve, reject) =>
        settings.saveAsync((r) =>
          String(r.status) === "succeeded" ? resolve() : reject(new Error(r.error?.message ?? "saveAsync")),
        ),
      ),
  };
}

/** In-memory settings (tests, preview): what a saved document would keep. */
export function memoryDocumentSettings(store: Map<string, unknown> = new Map()): DocumentSettings & {
  readonly saved: Map<string, unknown>;
} {
  const pending = new Map(store);
  return {
    saved: store,
    get: (name) => pending.get(name),
    set: (name, value) => void pending.set(name, value),
    save: async () => {
      for (const [k, v] of pending) store.set(k, v);
    },
  };
}
