import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for gitlab-runner. */
export const gitlabRunner: ValuesAdapter = () => ({});
