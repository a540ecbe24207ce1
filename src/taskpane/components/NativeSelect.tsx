import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  label: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
  select: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": {
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
      borderBottomColor: tokens.colorNeutralStrokeAccessibleHover,
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    ":disabled": { color: tokens.colorNeutralForegroundDisabled, ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled) },
  },
});

/**
 * A labelled drop-down: the browser's own `<select>` (its list follows the pane's colour scheme), drawn with the
 * theme's tokens. Fluent's Select is the same element under 3.9 KB gzip of styling code, which the first-run
 * form loaded before its first button (#27's budget).
 */
export function NativeSelect(props: {
  label: React.ReactNode;
  value: string;
  onChange(value: string): void;
  children: React.ReactNode;
  className?: string;
  disabled?: boolean;
}): React.JSX.Element {
  const s = useStyles();
  const id = React.useId();
  return (
    <div className={mergeClasses(s.field, props.className)}>
      <label htmlFor={id} className={s.label}>
        {props.label}
      </label>
      <select
        id={id}
        className={s.select}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.children}
      </select>
    </div>
  );
}
