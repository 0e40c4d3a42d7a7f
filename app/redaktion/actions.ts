"use server";

import { signOut } from "@/lib/auth/config";

export async function logOutAction(): Promise<void> {
  await signOut({ redirectTo: "/logga-in?utloggad=1" });
}
