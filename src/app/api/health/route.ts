// GET /api/health: liveness and database reachability, with the paper count.
import { getStore } from "@/server/store/open-store";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const papers = await (await getStore()).papers.countPapers();
    return Response.json({ status: "ok", db: "ok", papers }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", db: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
