// Response types come straight from the server's zod contracts (type-only imports: nothing of the server is bundled).
import type { z } from 'zod';
import type { municipalitySchema } from '../../../server/modules/municipalities/municipality.contract.ts';
import type { accessibilityStatementSchema } from '../../../server/modules/municipalities/accessibility-statement.contract.ts';
import type { appearanceSchema } from '../../../server/modules/municipalities/appearance.contract.ts';
import type { neighbourhoodListSchema, neighbourhoodSchema } from '../../../server/modules/neighbourhoods/neighbourhood.contract.ts';
import type { mapSettingsSchema } from '../../../server/modules/neighbourhoods/map-settings.contract.ts';
import type { currentSessionSchema, visitorSessionSchema, mySecondFactorsSchema, passwordLinkSchema, secondFactorChallengeSchema, totpEnrolmentSchema, userListSchema, userSchema } from '../../../server/modules/users/user.contract.ts';
import type { councilListSchema, councilSchema } from '../../../server/modules/councils/council.contract.ts';
import type { councilTermSchema, departmentSchema, partnerOrganisationSchema, portfolioSchema, themeSchema } from '../../../server/modules/organisation/organisation.contract.ts';
import type { requestListSchema, requestSchema } from '../../../server/modules/requests/request.contract.ts';
import type { adviceRequestListSchema, adviceRequestSchema } from '../../../server/modules/requests/advice-request.contract.ts';

export type Municipality = z.infer<typeof municipalitySchema>;
export type AccessibilityStatement = z.infer<typeof accessibilityStatementSchema>;
export type MunicipalityAppearance = z.infer<typeof appearanceSchema>;
export type Neighbourhood = z.infer<typeof neighbourhoodSchema>;
export type NeighbourhoodList = z.infer<typeof neighbourhoodListSchema>;
export type MapSettings = z.infer<typeof mapSettingsSchema>;
export type NeighbourhoodSummary = NeighbourhoodList['items'][number];
export type CurrentSession = z.infer<typeof currentSessionSchema>;
export type VisitorSession = z.infer<typeof visitorSessionSchema>;
export type SecondFactorChallenge = z.infer<typeof secondFactorChallengeSchema>;
export type MySecondFactors = z.infer<typeof mySecondFactorsSchema>;
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;
export type PasswordLink = z.infer<typeof passwordLinkSchema>;
export type User = z.infer<typeof userSchema>;
export type UserList = z.infer<typeof userListSchema>;
export type RoleGrant = User['roles'][number];


export type Council = z.infer<typeof councilSchema>;
export type CouncilList = z.infer<typeof councilListSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type PartnerOrganisation = z.infer<typeof partnerOrganisationSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Portfolio = z.infer<typeof portfolioSchema>;
export type CouncilTerm = z.infer<typeof councilTermSchema>;
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export type AdviceRequest = z.infer<typeof adviceRequestSchema>;
export type AdviceRequestList = z.infer<typeof adviceRequestListSchema>;
export type Request = z.infer<typeof requestSchema>;
export type RequestUserAction = Request['allowedActions'][number];
export type RequestList = z.infer<typeof requestListSchema>;
export type RequestSummary = RequestList['items'][number];

import type { erasureRequestListSchema, myErasureRequestSchema, privacySettingsSchema, privacyStatementSchema } from '../../../server/modules/privacy/privacy.contract.ts';
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;
export type PrivacyStatement = z.infer<typeof privacyStatementSchema>;
export type ErasureRequestList = z.infer<typeof erasureRequestListSchema>;
export type MyErasureRequest = z.infer<typeof myErasureRequestSchema>;
import type { publicActionPlanSchema } from '../../../server/modules/action-plans/public-action-plan.contract.ts';
export type PublicActionPlan = z.infer<typeof publicActionPlanSchema>;
import type { changeReportStatusBody, reportDetailSchema, reportListSchema } from '../../../server/modules/reports/report.contract.ts';
export type ReportList = z.infer<typeof reportListSchema>;
export type ReportSummary = ReportList['items'][number];
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export type ReportEvent = ReportDetail['history'][number];
export type ReportStatus = ReportDetail['status'];
export type SettableReportStatus = ReportDetail['allowedStatuses'][number];
export type ChangeReportStatus = z.input<typeof changeReportStatusBody>;
import type { reporterDataSchema, reporterErasureResultSchema, satisfactionFiguresSchema } from '../../../server/modules/reports/report-handling.contract.ts';
export type SatisfactionFigures = z.infer<typeof satisfactionFiguresSchema>;
export type SatisfactionFigure = SatisfactionFigures['byCategory'][number];
export type ReporterData = z.infer<typeof reporterDataSchema>;
export type ReporterErasureResult = z.infer<typeof reporterErasureResultSchema>;
import type { reportMapSchema } from '../../../server/modules/reports/report-map.contract.ts';
export type ReportMap = z.infer<typeof reportMapSchema>;
export type ReportMapPoint = ReportMap['points'][number];
export type ReportMapCluster = ReportMap['clusters'][number];
