import { NotFoundMessage } from "@/components/site/not-found-message";

/** A missing text or issue: shown inside the reader site's header and footer. */
export default function PublicNotFound() {
  return <NotFoundMessage />;
}
