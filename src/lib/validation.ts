import type { z } from "zod";
import { AppError, type ErrorDetail, MAX_DETAILS } from "./errors";
// Installs plain-English messages for zod's checks wherever validation is used.
import "./plain-errors";

const MAX_KEY_LENGTH = 100;

/**
 * One key of a field path as a reader can make it out: a blank key or one with control characters
 * is shown quoted (`""`, `"\r\n"`), and a very long one is cut, so that `details` always names something.
 */
function keyName(key: PropertyKey): string {
  const chars = Array.from(String(key));
  const text = chars.length > MAX_KEY_LENGTH ? `${chars.slice(0, MAX_KEY_LENGTH).join("")}…` : chars.join("");
  return text.trim() === "" || /\p{Cc}/u.test(text) ? JSON.stringify(text) : text;
}

function fieldOf(path: readonly PropertyKey[], target?: string): string {
  const parts = path.map(keyName);
  if (parts.length === 0) return target === "json" || !target ? "body" : target;
  return parts.join(".");
}

/** The first `max` details of a zod error (unknown keys named one by one), and how many there are in all. */
function someDetails(error: z.ZodError, target: string | undefined, max: number): { details: ErrorDetail[]; total: number } {
  const details: ErrorDetail[] = [];
  let total = 0;
  for (const issue of error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    for (const key of keys) {
      total += 1;
      if (details.length >= max) continue;
      details.push(
        key === undefined
          ? { field: fieldOf(issue.path, target), message: issue.message }
          : { field: fieldOf([...issue.path, key], target), message: "is not a known field" },
      );
    }
  }
  return { details, total };
}

/** The details of a zod error: one entry per offending field (unknown keys named one by one). */
export function zodDetails(error: z.ZodError, target?: string): ErrorDetail[] {
  return someDetails(error, target, Number.POSITIVE_INFINITY).details;
}

/**
 * A 400 for a zod error whose message names the first offending field; `details` lists the first
 * MAX_DETAILS problems (only those are worked out) and counts the rest.
 */
export function validationError(error: z.ZodError, target?: string): AppError {
  const { details, total } = someDetails(error, target, MAX_DETAILS);
  const first = details[0];
  const message = first ? `${first.field}: ${first.message}` : "Invalid input";
  return new AppError("invalid_input", message, { details, moreDetails: total - details.length });
}

/** Parses `input` with `schema`, or throws our 400. For inputs that are not validated by a route. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, target?: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, target);
  return result.data;
}

// With the u flag, \p{Cs} matches only a surrogate without its partner: well-formed pairs are one code point.
const UNPAIRED_SURROGATE = /\p{Cs}/u;

function unpairedSurrogateAt(value: unknown, path: PropertyKey[]): PropertyKey[] | undefined {
  if (typeof value === "string") return UNPAIRED_SURROGATE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unpairedSurrogateAt(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = UNPAIRED_SURROGATE.test(key) ? [...path, key] : unpairedSurrogateAt(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses validated input holding a string with an unpaired UTF-16 surrogate (JSON can carry one
 * as `"\ud800"`). No UTF-8 text can hold it: SQLite would keep invalid bytes and every later read,
 * export and report would show mojibake. A 400 naming the field instead.
 */
export function rejectUnpairedSurrogates(data: unknown, target?: string): void {
  const path = unpairedSurrogateAt(data, []);
  if (!path) return;
  const field = fieldOf(path, target);
  const message = "is not valid text (it holds half of a UTF-16 surrogate pair)";
  throw new AppError("invalid_input", `${field}: ${message}`, { details: [{ field, message }] });
}
