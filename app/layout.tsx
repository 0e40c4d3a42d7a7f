import type { Metadata, Viewport } from "next";
import "./globals.css";
import { env } from "@/lib/env";

// Feeds and metadata (issue 6): a function, so that PUBLIC_URL is read at run time and not at build.
export function generateMetadata(): Metadata {
  return {
    // Relative canonical, Open Graph and Twitter URLs of every page resolve against the public address.
    metadataBase: new URL(env().PUBLIC_URL),
    title: { default: "Kommunbladet", template: "%s" },
    description: "Nyhetsbrev och bloggar från kommunen.",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
