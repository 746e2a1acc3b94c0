/** HTTP shapes of the kansenkaart API; they live in @kringbouw/contracts (src/stock.ts), shared with the web app. */
export {
  stockMunicipalityParams as municipalityParams,
  stockBagIdParams as bagIdParams,
  stockListIdParams as listIdParams,
  stockImportResult as importResult,
  stockBboxQuery as bboxQuery,
  stockBboxResponse as bboxResponse,
  stockBuildingDetail as buildingDetail,
  stockAssessmentRequest as assessmentRequest,
  stockCandidatesQuery as candidatesQuery,
  stockCandidateList as candidateList,
  stockSharesRequest as sharesRequest,
  stockListSummary,
  stockListDetail,
} from '@kringbouw/contracts';
