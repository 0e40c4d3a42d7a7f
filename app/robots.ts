import type { MetadataRoute } from "next";
import { absoluteUrl, paths } from "@/lib/feeds/urls";

// Rendered at run time, not frozen at build: the sitemap's address comes from PUBLIC_URL.
export const revalidate = 60;

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/redaktion", "/api"] },
    sitemap: absoluteUrl(paths.sitemap()),
  };
}
