import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled } from "@fluentui/react-icons";
import * as React from "react";

export type NoticeIntent = "success" | "error" | "info";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
  success: { backgroundColor: tokens.colorStatusSuccessBackground1, ...shorthands.borderColor(tokens.colorStatusSuccessBorder1) },
  error: { backgroundColor: tokens.colorStatusDangerBackground1, ...shorthands.borderColor(tokens.colorStatusDangerBorder1) },
  icon: { flexShrink: 0, marginTop: "1px", color: tokens.colorNeutralForeground3 },
  successIcon: { color: tokens.colorStatusSuccessForeground1 },
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
  body: { minWidth: 0 },
});

const ICONS = { success: CheckmarkCircle20Filled, error: ErrorCircle20Filled, info: Info20Filled } as const;

/**
 * A message at the top of the pane, coloured by its intent, read out by screen readers (an error at once,
 * `role="alert"`; the others when the reader is free, `role="status"`). Drawn here rather than with Fluent's
 * MessageBar, which weighed 2.2 KB gzip before the first button (#27's budget).
 */
export const Notice = React.forwardRef<HTMLDivElement, { intent: NoticeIntent; children: React.ReactNode }>(
  function Notice(props, ref) {
    const s = useStyles();
    const Icon = ICONS[props.intent];
    return (
      <div
        ref={ref}
        role={props.intent === "error" ? "alert" : "status"}
        className={mergeClasses(s.root, props.intent === "success" && s.success, props.intent === "error" && s.error)}
      >
        <Icon
          aria-hidden="true"
          className={mergeClasses(
            s.icon,
            props.intent === "success" && s.successIcon,
            props.intent === "error" && s.errorIcon,
          )}
        />
        <div className={s.body}>{props.children}</div>
      </div>
    );
  },
);
