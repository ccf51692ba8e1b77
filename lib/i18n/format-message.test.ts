import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/validation/options";
import { formatMessage } from "./format-message";
import { messagesFor } from "./index";

/** Every message of a catalogue, with its dotted key. */
function* leaves(tree: unknown, path = ""): Generator<[string, string]> {
  if (typeof tree === "string") yield [path, tree];
  else if (tree && typeof tree === "object") for (const [key, value] of Object.entries(tree)) yield* leaves(value, path ? `${path}.${key}` : key);
}

const names = (message: string) => [...message.matchAll(/\{\s*(\w+)/g)].map((m) => m[1]);

describe("formatMessage (the browser's message formatter)", () => {
  for (const locale of LOCALES) {
    it(`formats every ${locale} message as intl-messageformat does, for several values`, () => {
      let compared = 0;
      for (const [key, message] of leaves(messagesFor(locale))) {
        for (const sample of [0, 1, 2, 7, 1234.5, 0.456]) {
          const values = Object.fromEntries(names(message).map((name) => [name, /count|days|reports|requests|chars|value|n$|total|percent/.test(name) ? sample : `«${name}»`]));
          let parsed: IntlMessageFormat;
          try {
            parsed = new IntlMessageFormat(message, locale);
          } catch {
            // Read only on the server, never through a translator (e.g. "Bearer <key>" in the
            // API's errors, which ICU would read as a tag).
            continue;
          }
          const expected = String(parsed.format(values));
          expect(formatMessage(message, values, locale), `${key} with ${sample}`).toBe(expected);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it("handles exact matches, # and nesting", () => {
    const message = "{count, plural, =0 {none} one {# report by {who}} other {# reports by {who}}}";
    expect(formatMessage(message, { count: 0, who: "A" }, "en")).toBe("none");
    expect(formatMessage(message, { count: 1, who: "A" }, "en")).toBe("1 report by A");
    expect(formatMessage(message, { count: 1200, who: "B" }, "en")).toBe("1,200 reports by B");
    expect(formatMessage("{value, number, ::percent .#}", { value: 0.1234 }, "zh-CN")).toBe("12.3%");
  });
});
