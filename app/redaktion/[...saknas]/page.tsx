import { notFound } from "next/navigation";

/**
 * Any address under /redaktion that no staff page has. Next draws an unmatched address with the
 * root not-found page, outside every layout; matching it here instead lets ./not-found.tsx answer
 * inside the staff layout (its navigation, the log-in gate of requireUser) with status 404.
 */
export default function UnknownStaffPage(): never {
  notFound();
}
