import { getMediaStorage } from "@/lib/media/storage";
import { CONTENT_TYPES, MEDIA_FILE_PATTERN, mediaFileKey } from "@/lib/media/sizes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Serves an uploaded image to anyone: images in published texts must load for residents, and the
 * random id is the only way to find a file. A stored file never changes (a new upload gets a new
 * id), hence the year-long immutable caching; removing an image from a CDN needs a purge.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  const { id, file } = await params;
  // Only names the upload pipeline writes reach the storage, so no request can name another file.
  if (!UUID.test(id) || !MEDIA_FILE_PATTERN.test(file)) return notFound();
  const etag = `"${id}/${file}"`;
  const headers = {
    "Content-Type": CONTENT_TYPES[file.slice(file.lastIndexOf(".") + 1)] ?? "application/octet-stream",
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    // An SVG opened on its own is a document: even sanitised, it may run nothing and fetch nothing.
    ...(file.endsWith(".svg") ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" } : {}),
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const stored = await getMediaStorage().get(mediaFileKey(id, file));
  if (!stored) return notFound();
  return new Response(stored.body, { headers: { ...headers, "Content-Length": String(stored.size) } });
}

function notFound(): Response {
  return new Response("Bilden finns inte.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
