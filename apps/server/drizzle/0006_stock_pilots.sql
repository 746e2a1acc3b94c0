-- Kansenkaart: a candidate becomes a pilot together with the tenants' organisation (consulted, date, opinion),
-- and a project created from it stays linked to the building through the organisation's assessment.
ALTER TABLE "stock_assessments" ADD COLUMN "tenant_consulted" boolean;
--> statement-breakpoint
ALTER TABLE "stock_assessments" ADD COLUMN "consulted_on" date;
--> statement-breakpoint
ALTER TABLE "stock_assessments" ADD COLUMN "tenant_opinion" text;
--> statement-breakpoint
ALTER TABLE "stock_assessments" ADD COLUMN "project_id" uuid REFERENCES "projects"("id") ON DELETE SET NULL;
--> statement-breakpoint
CREATE INDEX "stock_assessments_project_idx" ON "stock_assessments" ("project_id");
