// GET /r/<token>: a digest link. Records a click signal for the paper, then 302s to its page.
// A malformed or forged token, or any failure, sends the reader home instead: never an error page.
import { getStore } from "@/server/store/open-store";
import { verifyClickToken } from "@/server/digest/click-token";
import { recordDigestClick } from "@/server/digest/record-click";

export const dynamic = "force-dynamic";

function redirect(location: string): Response {
  // A relative Location keeps the reader on whatever host they came in on.
  return new Response(null, { status: 302, headers: { Location: location, "Cache-Control": "no-store" } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const target = verifyClickToken(token);
  if (!target) return redirect("/");
  try {
    const slug = await recordDigestClick(await getStore(), target, new Date());
    return redirect(slug ? `/papers/${encodeURIComponent(slug)}` : "/");
  } catch (error) {
    console.error(`/r: could not record click: ${String(error)}`);
    return redirect("/");
  }
}
