"use client";

import { ErrorMessage } from "@/components/errors/error-message";

/** A staff page that failed: the staff layout (menu, log-out) stays around it. */
export default function StaffError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} home={{ href: "/redaktion", label: "Till översikten" }} />;
}
