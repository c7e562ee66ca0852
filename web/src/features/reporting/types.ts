// Response types of the public reporting pages, straight from the server's contracts (type-only imports).
import type { z } from 'zod';
import type { publicReportListSchema, publicReportMapSchema } from '../../../../server/modules/reports/public-report.contract.ts';
import type { nearbyReportsSchema, reportCategoryTreeSchema, reportReceiptSchema, reportStatusViewSchema } from '../../../../server/modules/reports/report.contract.ts';

export type ReportCategoryTree = z.infer<typeof reportCategoryTreeSchema>;
export type MainCategory = ReportCategoryTree['items'][number];
export type Subcategory = MainCategory['subcategories'][number];
export type ReportReceipt = z.infer<typeof reportReceiptSchema>;
export type ReportStatusView = z.infer<typeof reportStatusViewSchema>;
export type NearbyReport = z.infer<typeof nearbyReportsSchema>['items'][number];
export interface Point {
  latitude: number;
  longitude: number;
}
export type PublicReportMap = z.infer<typeof publicReportMapSchema>;
export type PublicReportPoint = PublicReportMap['points'][number];
export type PublicReportCluster = PublicReportMap['clusters'][number];
export type PublicReportList = z.infer<typeof publicReportListSchema>;
export type PublicReportShow = 'open' | 'recent' | 'all';
export interface MapBox {
  west: number;
  south: number;
  east: number;
  north: number;
}
