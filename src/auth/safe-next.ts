const HERE = "http://netmirror.invalid";

// A path a browser (or a proxy that decodes once) reads as another site: `//host` or `/\host`.
const OFF_SITE_START = /^\/[/\\]/;

/**
 * Where to send the browser after signing in: `next` only when it is a path of our own, otherwise
 * home. The path is judged as a browser will read it: tabs and newlines dropped, `.` and `..`
 * resolved (`/.//evil.example` becomes `//evil.example`), and once more with `%xx` decoded; any of
 * those that starts with two slashes (or a slash and a backslash) goes home.
 * @example safeNext("/networks/abc?tab=members") // "/networks/abc?tab=members"
 * @example safeNext("/..//evil.example/phish") // "/"
 */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith("/") || OFF_SITE_START.test(next)) return "/";
  if (!URL.canParse(next, HERE)) return "/";
  const url = new URL(next, HERE);
  if (url.origin !== HERE || OFF_SITE_START.test(url.pathname)) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname).replace(/[\t\n\r]/g, "");
  } catch {
    return "/";
  }
  if (OFF_SITE_START.test(decoded) || !URL.canParse(decoded, HERE) || OFF_SITE_START.test(new URL(decoded, HERE).pathname)) return "/";
  return url.pathname + url.search + url.hash;
}
