import { DELIVERY_STATUSES, type DeliveryStatus } from "@/db/schema/values";

/** A delivery's statuses: the delivery_status enum of db/schema/subscribers.ts, which holds the list. */
export { DELIVERY_STATUSES, type DeliveryStatus };

/** Their Swedish names on the "Utskick" panel. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  queued: "I kö",
  sending: "Skickas",
  sent: "Skickade",
  failed: "Misslyckade",
  unknown: "Okänt utfall",
  cancelled: "Avbrutna",
};
