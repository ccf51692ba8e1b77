import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module without types, run by node directly
import { clientOf } from "./server.mjs";

describe("clientOf (lib/cli/server.mjs)", () => {
  it("is the TCP peer when no proxy is trusted, whatever the header says", () => {
    expect(clientOf("::ffff:192.0.2.1", "198.51.100.1", 0)).toBe("192.0.2.1");
    expect(clientOf("2001:db8::1", undefined, 0)).toBe("2001:db8::1");
  });

  it("is the entry the N-th proxy from the right appended", () => {
    expect(clientOf("10.0.0.1", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientOf("10.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("falls back to the peer when the chosen entry is not an address", () => {
    expect(clientOf("10.0.0.1", "<script>, evil", 1)).toBe("10.0.0.1");
    expect(clientOf("10.0.0.1", "", 1)).toBe("10.0.0.1");
  });
});
