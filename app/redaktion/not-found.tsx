import Link from "next/link";

/** A staff address that does not exist, or a text or issue that is gone: inside the staff layout, status 404. */
export default function StaffNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Sidan finns inte</h1>
      <p className="text-lg">Det finns ingen sida i redaktionen på den här adressen. Den kan ha flyttats, eller så har texten eller numret tagits bort.</p>
      <p>
        <Link href="/redaktion" className="font-semibold text-brand underline">
          Till översikten
        </Link>
      </p>
    </div>
  );
}
