import type { en } from "./en";

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** The shape of a message catalogue: the English keys, with any string as value. */
export type Messages = Widen<typeof en>;
