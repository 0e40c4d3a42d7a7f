"use client";

import { ErrorMessage } from "@/components/errors/error-message";

/** A reader page that failed: shown inside the site's header and footer, which stay usable. */
export default function PublicError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} home={{ href: "/", label: "Till startsidan" }} />;
}
