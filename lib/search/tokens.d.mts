/** Free-text search tokens (tokens.mjs). */
export const MAX_INDEXED_CHARS: number;
export const MAX_QUERY_TOKENS: number;
export function searchTokens(text: string, limit?: number): string[];
export function searchText(text: string): string;
export function queryTokens(q: string): string[];
export function reportSearchText(description: string, details: unknown): string;
