// The real 404 page (status 404), for unknown topics and addresses.
import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return <NotFoundMessage />;
}
