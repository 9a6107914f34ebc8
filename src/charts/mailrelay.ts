import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for mailrelay. */
export const mailrelay: ValuesAdapter = () => ({});
