import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const KIND: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  date: "a date",
};

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(", ");

function sizeMessage(issue: Issue, bound: "at least" | "at most"): string | undefined {
  if (!("origin" in issue) || !("minimum" in issue || "maximum" in issue)) return undefined;
  const limit = Number("minimum" in issue ? issue.minimum : "maximum" in issue ? issue.maximum : 0);
  if (issue.origin === "string") return limit === 1 && bound === "at least" ? "is required" : `must be ${bound} ${limit} characters`;
  if (issue.origin === "array" || issue.origin === "set") return `must have ${bound} ${limit} ${limit === 1 ? "entry" : "entries"}`;
  return `must be ${bound} ${limit}`;
}

/**
 * Plain-English messages for zod's built-in checks ("is required", "must be a whole number"), so
 * that a 400's `details` read well in a form and in an API client alike. Messages written on a
 * schema itself still win.
 */
export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${KIND[issue.expected] ?? issue.expected}`;
    case "too_small":
      return sizeMessage(issue, "at least");
    case "too_big":
      return sizeMessage(issue, "at most");
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${list(issue.values)}` : `must be one of ${list(issue.values)}`;
    case "invalid_format":
      return issue.format === "email" ? "is not a valid email address" : `is not a valid ${issue.format}`;
    case "not_multiple_of":
      return "must be a whole number";
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });
