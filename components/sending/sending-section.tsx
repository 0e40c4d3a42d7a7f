import { editionIdOfIssue, sendingStatus } from "@/db/queries/sending";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { resendUnknownAction } from "@/lib/mail/send/actions";
import { can } from "@/lib/permissions";
import { SendingPanel } from "./sending-panel";

/** The "Utskick" of an issue on its staff page: nothing before publication, the panel after. */
export async function SendingSection({ db, user, issueId, published }: { db: Db; user: CurrentUser; issueId: string; published: boolean }) {
  if (!can(user, "subscribers.manage")) return null;
  const editionId = await editionIdOfIssue(db, issueId);
  const status = editionId ? await sendingStatus(db, editionId) : null;
  if (!status) {
    return published ? (
      <section aria-labelledby="utskick-rubrik" className="rounded border border-gray-300 bg-white p-4">
        <h2 id="utskick-rubrik" className="text-xl font-bold">
          Utskick
        </h2>
        <p className="mt-1">E-postutskicket till prenumeranterna förbereds. Ladda om sidan om en stund.</p>
      </section>
    ) : null;
  }
  return <SendingPanel initial={status} canResend={can(user, "content.publish")} resend={resendUnknownAction} />;
}
