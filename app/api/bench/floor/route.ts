export const dynamic = "force-dynamic";

/**
 * The framework floor of `npm run bench`: what any POST through this build costs before
 * the portal does anything. It reads and parses the JSON body and answers 201, without
 * validating, rate limiting or storing. Shipped in the build so that the floor is measured
 * in the very build whose intake it is compared with, but answering 404 unless the server
 * was started with BENCH_FLOOR_ROUTE=1, which only the benchmark does.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.BENCH_FLOOR_ROUTE !== "1") return new Response(null, { status: 404 });
  try {
    await request.json();
  } catch {
    return new Response(null, { status: 400 });
  }
  return Response.json({ ok: true }, { status: 201 });
}
