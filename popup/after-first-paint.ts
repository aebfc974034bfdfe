// The popup paints its answer first (the verdict, what happened, the first steps and the main
// action) and renders the closed sections under it (why Cert Doctor thinks so, the longer
// explanation, other systems, other causes, the certificate, the technical details) just after
// that paint. They are closed and one click away, and rendering them in the same commit made the
// answer wait for them (BENCHMARKS.md, "Popup: time to content and size").

import { useEffect, useState } from 'preact/hooks';

/** False until the first paint after `active` became true; then true for good. */
export function useAfterFirstPaint(active: boolean): boolean {
  const [painted, setPainted] = useState(false);
  // Preact runs effects after the browser painted the commit (an animation frame, then a task).
  useEffect(() => {
    if (active && !painted) setPainted(true);
  }, [active, painted]);
  return painted;
}
