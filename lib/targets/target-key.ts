/** One string per target key (kind and canonical value), for maps and sets of keys. */
export const targetKeyOf = (t: { kind: string; value: string }) => `${t.kind}\u0000${t.value}`;
