import { describe, expect, it } from "vitest";
import { postForm } from "./forms";
import { sharedPortal } from "./harness";

/**
 * Issue #11, item 9: the language switch redirected to `/\evil.example`, which Chromium
 * opens as http://evil.example/. Every redirect it gives now stays on the site.
 */
describe("language switch returnTo", () => {
  it.each(["/\\evil.example", "//evil.example", "https://evil.example/x", "/\t/evil.example", "\\\\evil.example/", "javascript:alert(1)"])(
    "%j redirects to a path of this site",
    async (returnTo) => {
      const { base } = sharedPortal();
      const response = await postForm(base, "/", [["locale", "en"], ["returnTo", returnTo]], {}, 'name="locale"');
      expect(response.status).toBe(303);
      const location = response.headers.get("location") ?? "";
      // Resolved the way a browser resolves it: the same origin as the portal.
      expect(new URL(location, base).origin).toBe(new URL(base).origin);
      expect(location).not.toMatch(/evil/);
    },
  );

  it("a same-site returnTo is kept", async () => {
    const { base } = sharedPortal();
    const response = await postForm(base, "/", [["locale", "en"], ["returnTo", "/report/crime?x=1"]], {}, 'name="locale"');
    expect(response.headers.get("location")).toBe("/report/crime?x=1");
  });
});
