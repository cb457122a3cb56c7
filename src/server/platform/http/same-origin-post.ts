// Whether a form post came from one of our own pages. A page served with Referrer-Policy: no-referrer (every page
// whose URL carries a token) makes browsers send `Origin: null` on its form posts, so Origin alone would refuse
// our own confirmation button; Sec-Fetch-Site, which browsers set and pages cannot forge, decides when present.
import { isCrossSite } from "@/server/trending/vote-request";

export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  return !isCrossSite(request);
}
