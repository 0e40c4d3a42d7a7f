import { ForbiddenMessage } from "@/components/errors/forbidden-message";

/** A staff page the user's role may not open (lib/auth/refuse), inside the staff layout; status 403. */
export default function StaffForbidden() {
  return <ForbiddenMessage home={{ href: "/redaktion", label: "Till översikten" }} />;
}
