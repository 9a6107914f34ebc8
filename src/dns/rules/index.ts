import type { Rule } from "../../core/lint/context.ts";
import { hostHasRecord } from "./host-has-record.ts";
import { conflictingRecords } from "./conflicting-records.ts";
import { recordOutsideLan } from "./record-outside-lan.ts";
import { tlsHostHasRecord } from "./tls-host-has-record.ts";

/** The DNS rules (S12): records for every host, consistent, inside the LAN, and for every TLS name. */
export const dnsRules: Rule[] = [hostHasRecord, conflictingRecords, recordOutsideLan, tlsHostHasRecord];
