"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and during hydration, true afterwards. Parts that need JavaScript
 * (add and remove buttons, hiding questions that do not apply) switch on with it, so the
 * page without JavaScript shows every question.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
