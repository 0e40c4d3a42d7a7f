import Link from "next/link";

export default function NotFound() {
  return (
    <main id="innehall" className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-4xl font-bold">Sidan finns inte</h1>
      <p className="mt-4 text-lg">
        Sidan du letar efter finns inte, eller så har den flyttats. Kontrollera adressen eller gå till{" "}
        <Link className="text-brand underline" href="/">
          startsidan
        </Link>
        .
      </p>
    </main>
  );
}
