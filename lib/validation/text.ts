/**
 * Text that no database stores as sent: a lone UTF-16 surrogate (JSON's "\ud800" escapes
 * make one; Prisma then fails the whole query) or a NUL character (PostgreSQL refuses it in
 * text). Such a value is refused with a 422 that names its field, so that in a batch only
 * the item that carries it fails.
 */
const MAX_DEPTH = 32;

export function isStorableText(value: string): boolean {
  return value.isWellFormed() && !value.includes("\u0000");
}

/**
 * The paths ("description", "transactions.1.recipientName") of every string in a parsed
 * value that is not storable. Iterative and bounded by depth, so that a deeply nested
 * body cannot exhaust the stack; anything deeper than the schemas go is reported at the
 * depth where the walk stopped.
 */
export function unstorableTextPaths(root: unknown): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (!isStorableText(value)) found.push(path.join("."));
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= MAX_DEPTH) {
      found.push(path.join("."));
      continue;
    }
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
  }
  return found.sort();
}
