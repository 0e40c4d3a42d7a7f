import Link from "next/link";

export function NotFoundMessage() {
  return (
    <>
      <h1 className="text-4xl font-bold">Sidan finns inte</h1>
      <p className="mt-4 text-lg">
        Sidan du letar efter finns inte, eller så har den flyttats. Kontrollera adressen, sök på{" "}
        <Link className="text-brand underline" href="/sok">
          söksidan
        </Link>{" "}
        eller gå till{" "}
        <Link className="text-brand underline" href="/">
          startsidan
        </Link>
        .
      </p>
    </>
  );
}
