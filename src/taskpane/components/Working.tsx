import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  ring: {
    flexShrink: 0,
    width: "16px",
    height: "16px",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusCircular,
    border: `2px solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: "rotate(0deg)" }, to: { transform: "rotate(360deg)" } },
    animationDuration: "900ms",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationDuration: "3s" },
  },
});

/**
 * What the pane is doing, said in words (a live region: screen readers read it out) beside a turning ring.
 * Drawn here rather than with Fluent's Spinner, which weighed 2.6 KB gzip on the first screen (#27's budget).
 */
export function Working(props: { label: string }): React.JSX.Element {
  const s = useStyles();
  return (
    <div role="status" className={s.root}>
      <span className={s.ring} aria-hidden="true" />
      {props.label}
    </div>
  );
}
