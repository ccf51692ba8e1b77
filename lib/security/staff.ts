/**
 * Posts to next-auth's credentials endpoint as the login form does, with a fresh CSRF token
 * and its cookie, plus whatever else an attack adds (fields, cookies).
 */
export async function postCredentials(
  base: string,
  fields: Record<string, string>,
  extraCookie = "",
  headers: Record<string, string> = {},
): Promise<{ response: Response; csrfCookie: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: [csrfCookie, extraCookie].filter(Boolean).join("; ") },
    body: new URLSearchParams({ csrfToken, json: "true", ...fields }),
  });
  return { response, csrfCookie };
}

/** Signs in (with the code from the app, or a recovery code, when given) and returns the cookie header of the session. */
export async function signIn(base: string, email: string, password: string, code?: string): Promise<string> {
  const { response, csrfCookie } = await postCredentials(base, { email, password, ...(code ? { code } : {}) });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return [csrfCookie, ...cookies].join("; ");
}
