/** The ribbon command's dialog: the command's event completes when the dialog closes, not when it opens. */
import { showResultDialog, RESULT_DIALOG_LIMIT_MS } from "../../src/commands/result-dialog";

const EVENTS = { closed: "closed" as unknown as Office.EventType, message: "message" as unknown as Office.EventType };

function fakeUi(result: { status: string; error?: { code: number } }) {
  const handlers = new Map<string, () => void>();
  const dialog = {
    closed: 0,
    addEventHandler: (t: string, h: () => void) => handlers.set(t, h),
    close: () => dialog.closed++,
  };
  const calls: { url: string; options: Office.DialogOptions }[] = [];
  const ui = {
    displayDialogAsync: (url: string, options: Office.DialogOptions, cb: (r: never) => void) => {
      calls.push({ url, options });
      cb({ ...result, value: dialog } as never);
    },
  };
  return { ui, handlers, dialog, calls };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("the event completes when the user closes the dialog, once, and not before", () => {
  const { ui, handlers, calls } = fakeUi({ status: "succeeded" });
  const done = jest.fn();
  showResultDialog(ui as never, EVENTS, "https://x/dialog.html?m=ok", done);
  expect(calls[0].options).toMatchObject({ displayInIframe: true });
  jest.advanceTimersByTime(60_000);
  expect(done).not.toHaveBeenCalled();
  handlers.get("closed")?.();
  handlers.get("closed")?.();
  jest.advanceTimersByTime(RESULT_DIALOG_LIMIT_MS);
  expect(done.mock.calls).toEqual([[{ outcome: "closed" }]]);
});

test("a dialog left open is closed by the timer and the event completes", () => {
  const { ui, dialog } = fakeUi({ status: "succeeded" });
  const done = jest.fn();
  showResultDialog(ui as never, EVENTS, "u", done);
  jest.advanceTimersByTime(RESULT_DIALOG_LIMIT_MS);
  expect(dialog.closed).toBe(1);
  expect(done.mock.calls).toEqual([[{ outcome: "timeout" }]]);
});

test("a dialog that cannot open (already open, blocked by the browser) completes the event at once, with the reason", () => {
  for (const [code, reason] of [
    [12007, "une fenêtre de Fiches LDM est déjà ouverte"],
    [12011, "fenêtre bloquée par le navigateur"],
  ] as const) {
    const { ui } = fakeUi({ status: "failed", error: { code } });
    const done = jest.fn();
    showResultDialog(ui as never, EVENTS, "u", done);
    expect(done.mock.calls).toEqual([[{ outcome: "failed", reason }]]);
  }
});
