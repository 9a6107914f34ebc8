/** Shared pieces of the values of bjw-s `app-template` releases (A14). */
import type { ContainerImage } from "../../core/model/types.ts";

/** A container image of the model, as app-template's `image` block. */
export function appTemplateImage(image: ContainerImage): { repository: string; tag: string; pullPolicy: "IfNotPresent" } {
  return { repository: image.repository, tag: image.tag, pullPolicy: "IfNotPresent" };
}
