// Relative, not "@/": the e2e suite imports this file too (through lib/demo/demo-users).
import { ROLES, type Role } from "../../db/schema/values";

/**
 * Who may do what, as data. Every server action calls can() itself; the UI only uses it to decide
 * which buttons to show.
 */
export { ROLES, type Role };

export const ROLE_LABELS: Record<Role, string> = {
  skribent: "Skribent",
  redaktor: "Redaktör",
  utgivare: "Ansvarig utgivare",
  admin: "Administratör",
};

export const PERMISSIONS = [
  "staff.access",
  "content.create",
  /** Edit a text one is an author of. */
  "content.edit.own",
  /** Edit anyone's text. */
  "content.edit.any",
  /** Delete a draft one is an author of (published texts are withdrawn, never deleted). */
  "content.delete.own",
  "content.delete.any",
  "content.submit",
  "content.comment",
  "content.approve",
  "content.publish",
  "content.schedule",
  "content.withdraw",
  "issue.manage",
  "calendar.manage",
  "media.upload",
  /** The media library page: describe images, see where they are used, delete unused ones. */
  "media.manage",
  "subscribers.manage",
  "outbox.read",
  "audit.read",
  "users.manage",
  "settings.manage",
  "publications.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const WRITER: Permission[] = ["staff.access", "content.create", "content.edit.own", "content.delete.own", "content.submit", "content.comment", "media.upload", "media.manage"];

/**
 * The publishing decisions (approve, schedule, publish, withdraw) belong to the ansvarig utgivare alone:
 * the law makes that person responsible for what is published. The admin runs the system, not the content.
 */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  skribent: new Set(WRITER),
  redaktor: new Set<Permission>([...WRITER, "content.edit.any", "content.delete.any", "issue.manage", "calendar.manage", "subscribers.manage", "outbox.read"]),
  utgivare: new Set<Permission>([
    ...WRITER,
    "content.edit.any",
    "content.delete.any",
    "content.approve",
    "content.publish",
    "content.schedule",
    "content.withdraw",
    "issue.manage",
    "calendar.manage",
    "subscribers.manage",
    "outbox.read",
    "audit.read",
  ]),
  admin: new Set<Permission>([
    "staff.access",
    // The calendar is the municipality's, not the newsletter's content: the admin may keep it too.
    "calendar.manage",
    // The admin places no images in texts, but may tidy the library (the logo lives there too).
    "media.manage",
    "subscribers.manage",
    "outbox.read",
    "audit.read",
    "users.manage",
    "settings.manage",
    "publications.manage",
  ]),
};

export type Actor = { id: string; role: Role; active: boolean };
/** The part of a text that ownership rules look at. */
export type OwnedResource = { authorIds: readonly string[]; createdBy: string | null };

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

function owns(actor: Actor, resource: OwnedResource): boolean {
  return resource.createdBy === actor.id || resource.authorIds.includes(actor.id);
}

/**
 * May `actor` do `permission`? For edit and delete, pass the loaded text: the ".any" permission
 * suffices, the ".own" one only for the actor's own text. Inactive users may do nothing.
 */
export function can(actor: Actor | null | undefined, permission: Permission, resource?: OwnedResource): boolean {
  if (!actor || !actor.active) return false;
  if (permission === "content.edit.own" || permission === "content.delete.own") {
    if (!resource) return hasPermission(actor.role, permission);
    const any = permission === "content.edit.own" ? "content.edit.any" : "content.delete.any";
    return hasPermission(actor.role, any) || (hasPermission(actor.role, permission) && owns(actor, resource));
  }
  return hasPermission(actor.role, permission);
}

/** Convenience for the two ownership-scoped verbs. */
export function canEdit(actor: Actor | null | undefined, resource: OwnedResource): boolean {
  return can(actor, "content.edit.own", resource);
}

export function canDelete(actor: Actor | null | undefined, resource: OwnedResource): boolean {
  return can(actor, "content.delete.own", resource);
}
