import type { FileMeta } from "./files";

/** The files of one report, by the place the schema has for them. */
export type PlacedFiles = { evidence: FileMeta[]; agentAuthorization?: FileMeta; ownershipProof?: FileMeta };

/**
 * Puts files where the schema expects them: the server with the uploads it received, the
 * browser with the files chosen, so that both validate the same object. File fields already
 * in the input are dropped (only real uploads count as files); an ownership proof given as
 * text stays. No zod here: the form page loads this.
 */
export function placeFiles(input: Record<string, unknown>, files: PlacedFiles): Record<string, unknown> {
  const report: Record<string, unknown> = { ...input };
  delete report.evidence;
  delete report.agentAuthorization;
  if (files.evidence.length) report.evidence = files.evidence;
  if (files.agentAuthorization) report.agentAuthorization = files.agentAuthorization;
  if (files.ownershipProof) report.ownershipProof = files.ownershipProof;
  else if (typeof report.ownershipProof !== "string") delete report.ownershipProof;
  return report;
}
