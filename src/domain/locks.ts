/** The lock state of input areas: people can type only in unlocked cells of a protected sheet. */
import { STYLES } from "./blueprint/styles";
import type { InputArea } from "./blueprint/types";
import type { SheetSnapshot } from "./snapshot";

/** The state the area should have: unlocked where people type, locked where the check writes. */
export function expectedLock(area: InputArea): "locked" | "unlocked" {
  return STYLES[area.style].locked ? "locked" : "unlocked";
}

/** Whether the adapter saw the area locked (or partly) where people must type, or the reverse. */
export function lockDiffers(sheet: SheetSnapshot, area: InputArea): boolean {
  const seen = sheet.inputLocks?.find((l) => l.range === area.range);
  return !!seen && seen.state !== expectedLock(area);
}
