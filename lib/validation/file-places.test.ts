import { describe, expect, it } from "vitest";
import { placeFiles } from "./file-places";

const png = { name: "a.png", size: 10, type: "image/png" as const };
const pdf = { name: "proof.pdf", size: 20, type: "application/pdf" as const };

describe("placeFiles (server uploads and the browser's chosen files alike)", () => {
  it("puts evidence, the authorization and an uploaded proof where the schema expects them", () => {
    expect(placeFiles({ category: "copyright" }, { evidence: [png], agentAuthorization: pdf, ownershipProof: pdf })).toEqual({
      category: "copyright",
      evidence: [png],
      agentAuthorization: pdf,
      ownershipProof: pdf,
    });
  });

  it("drops file fields that came in the body itself, keeps a proof given as text, and adds nothing for no files", () => {
    const forged = { category: "copyright", evidence: [png], agentAuthorization: pdf, ownershipProof: { name: "x" } };
    expect(placeFiles(forged, { evidence: [] })).toEqual({ category: "copyright" });
    expect(placeFiles({ ownershipProof: "Registration 2024-F-1" }, { evidence: [] })).toEqual({ ownershipProof: "Registration 2024-F-1" });
  });
});
