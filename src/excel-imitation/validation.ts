/** The in-memory Excel's `Range.dataValidation`: rules, their type and source, as Excel keeps them. */
import type { RangeRef } from "../domain/a1";
import { ClientObject } from "./client-object";
import type { MemoryContext } from "./context";
import { OfficeLikeError } from "./model";
import { sheetNameOf, type SheetRef } from "./range";

export class MemoryDataValidation extends ClientObject {
  constructor(
    ctx: MemoryContext,
    private readonly sheetRef: SheetRef,
    private readonly ref: RangeRef,
  ) {
    super(ctx);
  }

  private get sheetName(): string {
    return sheetNameOf(this.sheetRef);
  }

  protected compute(prop: string): unknown {
    const s = this.ctx.sheet(this.sheetName);
    const covering = s.validations.filter(
      (v) =>
        v.range.top <= this.ref.bottom &&
        v.range.bottom >= this.ref.top &&
        v.range.left <= this.ref.right &&
        v.range.right >= this.ref.left,
    );
    const full = covering.find(
      (v) =>
        v.range.top <= this.ref.top &&
        v.range.bottom >= this.ref.bottom &&
        v.range.left <= this.ref.left &&
        v.range.right >= this.ref.right,
    );
    const uniform = covering.length === 1 && full;
    if (prop === "type") {
      if (covering.length === 0) return "None";
      if (!uniform) return "MixedCriteria";
      const r = full.rule;
      return r.list
        ? "List"
        : r.wholeNumber
          ? "WholeNumber"
          : r.decimal
            ? "Decimal"
            : r.custom
              ? "Custom"
              : "Inconsistent";
    }
    if (prop === "rule") return uniform ? full.rule : {};
    throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
  }

  get type(): string {
    return this.get("type");
  }
  get rule(): Excel.DataValidationRule {
    return this.get("rule");
  }

  clear(): void {
    this.ctx.enqueue({ clearValidation: this.ref }, () => {
      const s = this.ctx.sheet(this.sheetName);
      if (s.protected) throw new OfficeLikeError("AccessDenied", `La feuille « ${s.name} » est protégée.`);
      s.validations = s.validations.filter(
        (v) =>
          !(
            v.range.top >= this.ref.top &&
            v.range.bottom <= this.ref.bottom &&
            v.range.left >= this.ref.left &&
            v.range.right <= this.ref.right
          ),
      );
    });
  }

  set rule(rule: Excel.DataValidationRule) {
    this.ctx.enqueue({ rule, range: this.ref }, () => {
      const s = this.ctx.sheet(this.sheetName);
      if (s.protected) throw new OfficeLikeError("AccessDenied", `La feuille « ${s.name} » est protégée.`);
      s.validations.push({ range: this.ref, rule });
    });
  }

  set errorAlert(alert: Partial<Excel.DataValidationErrorAlert>) {
    this.ctx.enqueue({ alert, range: this.ref }, () => {
      const s = this.ctx.sheet(this.sheetName);
      const v = s.validations.find(
        (x) =>
          x.range.top === this.ref.top &&
          x.range.left === this.ref.left &&
          x.range.bottom === this.ref.bottom &&
          x.range.right === this.ref.right,
      );
      if (v) v.errorAlert = alert;
    });
  }
}
