/** Swedish names of a delivery's status (delivery_status in db/schema/subscribers.ts). */
export const DELIVERY_STATUSES = ["queued", "sending", "sent", "failed", "unknown", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  queued: "I kö",
  sending: "Skickas",
  sent: "Skickade",
  failed: "Misslyckade",
  unknown: "Okänt utfall",
  cancelled: "Avbrutna",
};
