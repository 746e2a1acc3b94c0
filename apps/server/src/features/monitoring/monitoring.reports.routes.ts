/** Routes of the monitoring reports (PDF/xlsx) and the City Deal trends per year. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cityDealTrends, reportQuery, type ReportQuery } from '@kringbouw/contracts';
import type { ReportModel } from '@kringbouw/domain/monitoring';
import { actorOf } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import { renderReportPdf } from './monitoring.reports.pdf.ts';
import type { MonitoringReportsService } from './monitoring.reports.service.ts';
import { renderReportXlsx } from './monitoring.reports.xlsx.ts';

const fileResponse = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe('The report (binary: PDF or xlsx)');
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rendered file of a report model in the requested format, with its download name. */
export async function renderReport(model: ReportModel, format: ReportQuery['format']): Promise<{ content: Buffer; contentType: string; fileName: string }> {
  return format === 'pdf'
    ? { content: await renderReportPdf(model), contentType: 'application/pdf', fileName: `${model.fileStem}.pdf` }
    : { content: await renderReportXlsx(model), contentType: xlsxType, fileName: `${model.fileStem}.xlsx` };
}

export function registerMonitoringReportRoutes(app: FastifyInstance, deps: { reports: MonitoringReportsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];

  r.get('/api/municipalities/:code/monitoring/report', {
    schema: {
      tags,
      summary: "A municipality's yearly monitoring report or mid-term review (kind) for a year, as PDF or xlsx (format): the dashboard figures per year, pipeline, projects you may see, goals, lessons. Confidential projects of others only counted when ≥ 3 fall in one figure, never named",
      params: z.object({ code: z.string().regex(/^GM\d{4}$/) }),
      querystring: reportQuery,
      response: { 200: fileResponse, ...errorResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const file = await renderReport(await deps.reports.municipality(actorOf(request), request.params.code, request.query), request.query.format);
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.content);
    },
  });

  r.get('/api/monitoring/city-deal/report', {
    schema: {
      tags,
      summary: 'The City Deal yearly monitoring report or mid-term review (kind) for a year, as PDF or xlsx (format): the three monitoring levels, cities side by side, trends per year',
      querystring: reportQuery,
      response: { 200: fileResponse, ...errorResponses(400, 401) },
    },
    handler: async (request, reply) => {
      const file = await renderReport(await deps.reports.cityDeal(actorOf(request), request.query), request.query.format);
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.content);
    },
  });

  r.get('/api/monitoring/city-deal/trends', {
    schema: {
      tags,
      summary: 'City Deal totals per year (each year as the City Deal overview filtered on that year), for the trend charts and the goals view',
      response: { 200: cityDealTrends, ...errorResponses(401) },
    },
    handler: async (request) => ({ years: await deps.reports.cityDealTrends(actorOf(request)) }),
  });
}
