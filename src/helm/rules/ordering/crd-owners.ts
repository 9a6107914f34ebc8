/** Which chart installs the CRDs of each API group (kept with the chart adapters). */
export { CRD_GROUPS_BY_CHART, chartOfGroup } from "../../charts/crd-groups.ts";
