import type { Rule } from "../../../core/lint/context.ts";
import { servedHosts } from "../../../core/lint/hosts.ts";

/** The DNS server only answers for the environment's zone; other names never resolve. */
export const outsideDomain: Rule = {
  id: "hosts/outside-domain",
  description: "every host the environment serves is under its domain",
  check(ctx) {
    const domain = ctx.env.domain;
    return servedHosts(ctx).flatMap(({ host, site }) => {
      const bare = host.replace(/^\*\./, "");
      if (bare === domain || bare.endsWith(`.${domain}`)) return [];
      const label = host.split(".")[0] ?? host;
      return [ctx.at(this.id, site, `host "${host}" is not under ${domain}`, { hint: `did you mean "${label}.${domain}"?` })];
    });
  },
};
