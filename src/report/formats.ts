// The report formats, apart from the renderers, so that `deeds report --help` lists them
// without loading the renderers (see src/cli/main.ts).
export const REPORT_FORMATS = ['html', 'pdf', 'md', 'stix', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
