// A figure of the bench: a measured value beside the reference measured in the same run.

export type Better = "higher" | "lower";

export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** What the value is measured against, in the same run (or a fixed budget when there is none). */
  reference?: { name: string; value: number };
  /** value / reference. */
  ratio?: number;
  target?: { text: string; met: boolean };
  note?: string;
}

/**
 * Builds a figure; the ratio is value / reference. A target is a predicate over the figure with
 * the words to print, e.g. `{ text: "≥ 60 % of baseline", test: (f) => (f.ratio ?? 0) >= 0.6 }`.
 */
export function figure(fields: Omit<Figure, "ratio" | "target">, target?: { text: string; test: (f: Figure) => boolean }): Figure {
  const ratio = fields.reference && fields.reference.value > 0 ? fields.value / fields.reference.value : undefined;
  const f: Figure = { ...fields, ratio };
  return target ? { ...f, target: { text: target.text, met: target.test(f) } } : f;
}

/** A figure that could not be measured (the run goes on and the table says why). */
export function missing(section: string, name: string, why: string): Figure {
  return { section, name, value: Number.NaN, unit: "", note: why, target: { text: "measured", met: false } };
}
