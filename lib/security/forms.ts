/**
 * A web form posted the way a browser without JavaScript posts it: the server action's
 * hidden fields read from the page, then the answers as multipart/form-data. Scripts and
 * attackers post exactly this.
 */
const ENTITIES: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'", "&#39;": "'" };
const unescape = (value: string) => value.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (m) => ENTITIES[m]);

/**
 * The hidden `$ACTION…` inputs of the form on a page that contains `marker` (by default the
 * report form's `name="category"`; the language switch has `name="locale"`).
 */
export async function actionFields(
  base: string,
  pagePath: string,
  headers: Record<string, string> = {},
  marker = 'name="category"',
): Promise<[string, string][]> {
  const html = await (await fetch(`${base}${pagePath}`, { headers })).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker} on ${pagePath}`);
  const fields: [string, string][] = [];
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name?.startsWith("$ACTION")) fields.push([unescape(name), unescape(value)]);
  }
  if (fields.length === 0) throw new Error(`no server action form on ${pagePath}`);
  return fields;
}

/** Posts a no-JavaScript form: the action fields of `pagePath`, then `entries`. */
export async function postForm(
  base: string,
  pagePath: string,
  entries: [string, string | Blob, string?][],
  headers: Record<string, string> = {},
  marker?: string,
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of await actionFields(base, pagePath, headers, marker)) form.append(name, value);
  for (const [name, value, fileName] of entries) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, fileName);
  }
  return fetch(`${base}${pagePath}`, { method: "POST", body: form, headers: { origin: base, ...headers }, redirect: "manual" });
}

/** A complete, valid spam report as form entries. */
export function spamFormEntries(extra: [string, string][] = []): [string, string][] {
  return [
    ["category", "spam"],
    ["tz", "+08:00"],
    ["channel", "sms"],
    ["subtype", "commercial"],
    ["sender", "+86 139 0000 1111"],
    ["recipient", "13800138000"],
    ["receivedAt", new Date(Date.now() - 3600_000 + 8 * 3600_000).toISOString().slice(0, 16)],
    ["description", "A text asks me to pay a parcel fee through a link."],
    ["content", "Your parcel is held. Pay at http://parcel-fee.example.org/pay"],
    ["goodFaith", "on"],
    ...extra,
  ];
}
