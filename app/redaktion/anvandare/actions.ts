"use server";

import { revalidatePath } from "next/cache";
import { revalidatePublicPaths } from "@/lib/workflow/revalidate";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { NOT_USER_MANAGER } from "@/lib/users/access";
import { inviteUser, resendInvite } from "@/lib/users/invite-user";
import { deactivateUser, reactivateUser } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";

export type UserFormState = ActionResult<{ saved: true }> | null;

/** Checked in every action: an action never relies on the page having hidden its form. */
async function requireUserManager() {
  const actor = await requireActor();
  if (!can(actor, "users.manage")) throw new AppError("FORBIDDEN", NOT_USER_MANAGER);
  return actor;
}

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** "Skicka inbjudan": the new person's page, saying the mail is on its way. */
export async function inviteUserAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const result = await toResult(async () => {
    const actor = await requireUserManager();
    return inviteUser(await getDb(), actor, {
      name: field(formData, "name"),
      email: field(formData, "email"),
      jobTitle: field(formData, "jobTitle"),
      role: field(formData, "role"),
    });
  });
  if (!result.ok) return result;
  revalidatePath("/redaktion/anvandare");
  redirect(`/redaktion/anvandare/${result.data.id}?inbjuden=1`);
}

/** "Spara" on a person's page: name, title and role. */
export async function updateUserAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const result = await toResult(async () => {
    const actor = await requireUserManager();
    return updateUser(await getDb(), actor, { id: field(formData, "id"), name: field(formData, "name"), jobTitle: field(formData, "jobTitle"), role: field(formData, "role") });
  });
  if (!result.ok) return result;
  revalidatePath("/redaktion/anvandare", "layout");
  // Names and titles show on author pages and the old address now redirects: through the same
  // mechanism as a publication, which also empties npm start's micro-cache (a pattern path did not).
  if (result.data.slugMoved) revalidatePublicPaths(["/skribent"]);
  return { ok: true, data: { saved: true } };
}

type IdInput = { id: string };

export async function deactivateUserAction(input: IdInput): Promise<ActionResult<null>> {
  return statusChange(input, (db, actor) => deactivateUser(db, actor, input));
}

export async function reactivateUserAction(input: IdInput): Promise<ActionResult<null>> {
  return statusChange(input, (db, actor) => reactivateUser(db, actor, input));
}

export async function resendInviteAction(input: IdInput): Promise<ActionResult<null>> {
  return statusChange(input, (db, actor) => resendInvite(db, actor, input));
}

async function statusChange(
  _input: IdInput,
  run: (db: Awaited<ReturnType<typeof getDb>>, actor: Awaited<ReturnType<typeof requireUserManager>>) => Promise<void>,
): Promise<ActionResult<null>> {
  const result = await toResult(async () => {
    const actor = await requireUserManager();
    await run(await getDb(), actor);
    return null;
  });
  if (result.ok) revalidatePath("/redaktion/anvandare", "layout");
  return result;
}
