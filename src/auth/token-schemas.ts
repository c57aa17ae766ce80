import { z } from "@hono/zod-openapi";
import { TOKEN_DAYS, TOKEN_DAYS_DEFAULT } from "./tokens";

const lifetime = z.literal(TOKEN_DAYS, { error: `must be one of ${TOKEN_DAYS.join(", ")} days` });

/** A token's lifetime in days: one of TOKEN_DAYS (7, 30, 90 or 365), 90 when left out. */
// Described by hand: the generator writes only the first value of a literal with several.
export const TokenDaysSchema = lifetime
  .default(TOKEN_DAYS_DEFAULT)
  .openapi({ type: "integer", enum: [...TOKEN_DAYS], default: TOKEN_DAYS_DEFAULT });

/** The same lifetime as a form sends it (a string from a select), 90 when left out. */
export const TokenDaysField = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === "" ? TOKEN_DAYS_DEFAULT : Number(value)))
  .pipe(lifetime);
