/** A delivery's statuses: the delivery_status enum of db/schema/subscribers.ts is made from this list. */
export const DELIVERY_STATUSES = ["queued", "sending", "sent", "failed", "unknown", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Their Swedish names on the "Utskick" panel. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  queued: "I kö",
  sending: "Skickas",
  sent: "Skickade",
  failed: "Misslyckade",
  unknown: "Okänt utfall",
  cancelled: "Avbrutna",
};
