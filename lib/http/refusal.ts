/**
 * A request a route handler turns away before doing any work: the status and the Swedish message.
 * The checks in lib/http return one of these rather than a Response, because the routes answer in
 * different shapes: the editor's and the scheduler's routes with JSON, the public forms with text.
 */
export type Refusal = { status: 400 | 403 | 413 | 415; message: string };

export const jsonRefusal = (refusal: Refusal): Response => Response.json({ message: refusal.message }, { status: refusal.status });

export const textRefusal = (refusal: Refusal): Response => new Response(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
