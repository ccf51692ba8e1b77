// The words of free-text search, the same for what is indexed and what is asked, on SQLite
// (FTS5) and PostgreSQL (full-text search over the same tokens). Plain JavaScript because
// the migration's backfill (scripts/search-backfill.mjs) uses it too.
//
// Chinese, Japanese and Korean are written without spaces, and no tokenizer of either
// database splits them into words. So a run of such characters becomes its overlapping
// pairs (诈骗电话 → 诈骗 骗电 电话); a search for 诈骗 or 骗电话 is then a phrase of pairs,
// found wherever those characters stand together. Other letters and digits make words,
// lowercased, without accents. A lone CJK character is kept as itself.

const CJK_CLASS = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]";
const CJK = new RegExp(CJK_CLASS, "u");
// A run of CJK characters, or a run of other letters and digits.
const RUN = new RegExp(`${CJK_CLASS}+|(?:(?!${CJK_CLASS})[\\p{L}\\p{N}])+`, "gu");

/** Text indexed per report, at most this many characters of it (the intake's limit is 20,000). */
export const MAX_INDEXED_CHARS = 50_000;
/** A search uses at most this many tokens. */
export const MAX_QUERY_TOKENS = 32;

/** The tokens of `text`, in order. Linear in its length, and capped. */
export function searchTokens(text, limit = MAX_INDEXED_CHARS) {
  const folded = text.slice(0, limit).normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const tokens = [];
  for (const [run] of folded.matchAll(RUN)) {
    if (!CJK.test(run[0])) {
      tokens.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  }
  return tokens;
}

/** What is stored for a text: its tokens, separated by spaces. */
export function searchText(text) {
  return searchTokens(text).join(" ");
}

/**
 * What is searchable of a report: its description, and a spam report's message text
 * (`details.content`), as stored.
 */
export function reportSearchText(description, details) {
  const content = details && typeof details === "object" && typeof details.content === "string" ? details.content : "";
  return searchText(content ? `${description}\n${content}` : description);
}

/** The tokens of a search, or none if it has no letter or digit. */
export function queryTokens(q) {
  return searchTokens(q, 1000).slice(0, MAX_QUERY_TOKENS);
}
