import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listPlacements } from "@/lib/editorial/placement";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { NewTextForm } from "./new-text-form";

export const metadata: Metadata = { title: "Ny text" };

export default async function NewTextPage() {
  const user = await requireUser("/redaktion/texter/ny");
  requirePermission(user, "content.create");
  const placements = await listPlacements(await getDb(), user);
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Ny text</h1>
      <NewTextForm placements={placements} />
    </div>
  );
}
