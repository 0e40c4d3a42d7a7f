import { Img } from "@react-email/components";
import { creditLine } from "@/lib/content/extensions";
import type { EmailImageSource } from "./images";
import { s } from "./styles";

/** An image with its caption and "Foto: …" credit; the alt text is required (decorative: ""). */
export function EmailFigure({ image, alt, caption, credit: typed }: { image: EmailImageSource; alt: string; caption: string; credit: string }) {
  const credit = creditLine(typed);
  return (
    <>
      <Img
        src={image.src}
        alt={alt}
        width={image.width}
        height={image.height}
        style={{ width: "100%", maxWidth: `${image.width}px`, height: "auto", margin: caption || credit ? 0 : "0 0 16px" }}
      />
      {caption || credit ? (
        <p style={s.caption}>
          {caption}
          {caption && credit ? " " : null}
          {credit ? <em>{credit}</em> : null}
        </p>
      ) : null}
    </>
  );
}
