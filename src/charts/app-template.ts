/** Shared pieces of the values of bjw-s `app-template` releases (A14). */
import { images } from "../platform/versions.ts";

export type ImageKey = keyof typeof images;

/** A container image of the version catalogue, as app-template's `image` block. */
export function appTemplateImage(key: ImageKey): { repository: string; tag: string; pullPolicy: "IfNotPresent" } {
  const image = images[key];
  return { repository: image.repository, tag: image.version, pullPolicy: "IfNotPresent" };
}
