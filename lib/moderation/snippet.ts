/**
 * A report's description as one line for lists (queue rows, target pages, duplicate
 * candidates): whitespace folded, cut at about `max` characters on a word boundary where
 * there is one nearby, never inside a surrogate pair.
 */
export function snippet(text: string, max = 100): string {
  const line = text.slice(0, max * 4).replace(/\s+/g, " ").trim();
  const chars = Array.from(line);
  if (chars.length <= max && text.length <= max * 4) return line;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > cut.length * 0.6 ? cut.slice(0, space) : cut}…`;
}
