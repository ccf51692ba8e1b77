/** Where a category's draft is kept in the browser tab (draft-keeper.tsx). */
export const draftKey = (category: string) => `report-draft:${category}`;

/** Removes the draft once the report is in; storage may be switched off. */
export function forgetDraft(category: string) {
  try {
    window.sessionStorage.removeItem(draftKey(category));
  } catch {
    // no storage: nothing was kept
  }
}
