/** How "Användare" names an account's state. */
export function accountStatus(account: { active: boolean; invited: boolean }): "Aktiv" | "Inaktiv" | "Inbjuden" {
  if (!account.active) return "Inaktiv";
  return account.invited ? "Inbjuden" : "Aktiv";
}
