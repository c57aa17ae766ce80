import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, IdParams, jsonBody, jsonResponse, NoContent } from "../lib/openapi";
import { passwordSchema, UserSchema } from "../users/schemas";
import { requireActor } from "./access";
import { clearSessionCookie, setSessionCookie } from "./cookie";
import { changePassword, login } from "./login";
import { endSession } from "./sessions";
import { TokenDaysSchema } from "./token-schemas";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

const LoginSchema = z.strictObject({
  email: z.string().trim().min(1, "is required").max(254),
  password: z.string().min(1, "is required").max(256),
});
const PasswordSchema = z.strictObject({ current: z.string().min(1, "is required").max(256), new: passwordSchema });
const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().openapi({ description: "After this moment the token no longer works" }),
    lastUsedOn: z.string().nullable(),
    revoked: z.boolean(),
    expired: z.boolean(),
  })
  .openapi("ApiToken");
const CreateTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  expiresInDays: TokenDaysSchema.openapi({ description: "How many days the token works" }),
});
const NewTokenSchema = TokenSchema.extend({ token: z.string().openapi({ description: "Shown this once" }) });

const tags = ["Auth"];

/** Login, logout, own password and personal API tokens. */
export function authRoutes(deps: Deps) {
  const { db, clock, config } = deps;
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/login",
      tags,
      request: jsonBody(LoginSchema),
      responses: { 200: jsonResponse(UserSchema, "Signed in; sets the session cookie"), ...commonErrors },
    }),
    async (c) => {
      deps.loginGuard(c);
      const { user, token, expiresAt } = await login(deps, c.req.valid("json"));
      setSessionCookie(c, config, token, expiresAt);
      return c.json(user, 200);
    },
  );

  app.openapi(createRoute({ method: "post", path: "/auth/logout", tags, responses: { 204: NoContent, ...commonErrors } }), (c) => {
    const actor = c.get("actor");
    if (actor?.sessionId) endSession(db, actor.sessionId);
    clearSessionCookie(c, config);
    return c.body(null, 204);
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/auth/me",
      tags,
      responses: { 200: jsonResponse(UserSchema.omit({ active: true, createdAt: true }), "The signed-in user"), ...commonErrors },
    }),
    (c) => {
      const actor = requireActor(c.get("actor"));
      return c.json({ id: actor.userId, email: actor.email, name: actor.name, role: actor.role }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/password",
      tags,
      request: jsonBody(PasswordSchema),
      responses: { 204: { description: "Changed; every session ends, sign in again" }, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c.get("actor"));
      await changePassword(deps, actor.userId, c.req.valid("json"));
      clearSessionCookie(c, config);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/tokens",
      tags,
      request: jsonBody(CreateTokenSchema),
      responses: { 201: jsonResponse(NewTokenSchema, "Created; the token is shown this once"), ...commonErrors },
    }),
    (c) => {
      const actor = requireActor(c.get("actor"));
      const { name, expiresInDays } = c.req.valid("json");
      return c.json(createApiToken(db, clock, actor.userId, name, expiresInDays), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/auth/tokens",
      tags,
      responses: { 200: jsonResponse(z.object({ tokens: z.array(TokenSchema) }), "Your tokens"), ...commonErrors },
    }),
    (c) => {
      const actor = requireActor(c.get("actor"));
      return c.json({ tokens: listApiTokens(db, clock, actor.userId) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/auth/tokens/{id}",
      tags,
      request: { params: IdParams },
      responses: { 204: NoContent, ...commonErrors },
    }),
    (c) => {
      const actor = requireActor(c.get("actor"));
      revokeApiToken(db, clock, actor.userId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  return app;
}
