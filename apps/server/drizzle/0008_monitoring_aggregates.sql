-- Monitoring at scale (issue 5): the per-project aggregate row carries the project facts the dashboards group by, so a
-- dashboard aggregates one narrow table in SQL. Facts are copied by a trigger in the same statement as every project
-- write (no drift); ledger figures are written by the monitoring repository in the ledger transaction as before.
ALTER TABLE "project_monitoring"
	ADD COLUMN "municipality_code" text,
	ADD COLUMN "name" text,
	ADD COLUMN "kind" text,
	ADD COLUMN "phase" text,
	ADD COLUMN "year" integer,
	ADD COLUMN "dwellings" integer,
	ADD COLUMN "building_type" text,
	ADD COLUMN "industrialised" boolean,
	ADD COLUMN "confidential" boolean,
	ADD COLUMN "owner_organisation_id" uuid,
	ADD COLUMN "lat" double precision,
	ADD COLUMN "lon" double precision,
	ADD COLUMN "hnn_mpg" double precision,
	ADD COLUMN "hnn_embodied_carbon" double precision,
	ADD COLUMN "hnn_material_origin" double precision,
	ADD COLUMN "hnn_detachability" double precision;
--> statement-breakpoint
ALTER TABLE "project_monitoring" ALTER COLUMN "hnn" SET DEFAULT '{"mpg": null, "embodiedCarbon": null, "materialOrigin": null, "detachability": null}'::jsonb;
--> statement-breakpoint
UPDATE "project_monitoring" SET
	"hnn_mpg" = ("hnn" ->> 'mpg')::double precision,
	"hnn_embodied_carbon" = ("hnn" ->> 'embodiedCarbon')::double precision,
	"hnn_material_origin" = ("hnn" ->> 'materialOrigin')::double precision,
	"hnn_detachability" = ("hnn" ->> 'detachability')::double precision;
--> statement-breakpoint
-- The facts of one project as the dashboards read them; `year` is monitoringYear (delivery, start of construction,
-- design, initiative, else the UTC registration year), `industrialised` = a concept name is given.
CREATE FUNCTION "project_monitoring_sync_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "project_monitoring" AS m ("project_id", "updated_at", "municipality_code", "name", "kind", "phase", "year", "dwellings", "building_type", "industrialised", "confidential", "owner_organisation_id", "lat", "lon")
	VALUES (NEW."id", now(), NEW."municipality_code", NEW."name", NEW."kind", NEW."phase",
		coalesce(date_part('year', coalesce(NEW."opgeleverd_date", NEW."realisatie_date", NEW."ontwerp_date", NEW."initiatief_date")), date_part('year', NEW."created_at" AT TIME ZONE 'UTC'))::integer,
		NEW."dwellings", NEW."building_type", NEW."concept_name" IS NOT NULL AND btrim(NEW."concept_name") <> '', NEW."visibility" <> 'openbaar', NEW."owner_organisation_id", NEW."lat", NEW."lon")
	ON CONFLICT ("project_id") DO UPDATE SET
		"municipality_code" = EXCLUDED."municipality_code", "name" = EXCLUDED."name", "kind" = EXCLUDED."kind", "phase" = EXCLUDED."phase",
		"year" = EXCLUDED."year", "dwellings" = EXCLUDED."dwellings", "building_type" = EXCLUDED."building_type",
		"industrialised" = EXCLUDED."industrialised", "confidential" = EXCLUDED."confidential",
		"owner_organisation_id" = EXCLUDED."owner_organisation_id", "lat" = EXCLUDED."lat", "lon" = EXCLUDED."lon";
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "projects_sync_monitoring" AFTER INSERT OR UPDATE ON "projects" FOR EACH ROW EXECUTE FUNCTION "project_monitoring_sync_facts"();
--> statement-breakpoint
-- Backfill: every project gets its row (projects without a ledger count in the totals too).
INSERT INTO "project_monitoring" AS m ("project_id", "updated_at", "municipality_code", "name", "kind", "phase", "year", "dwellings", "building_type", "industrialised", "confidential", "owner_organisation_id", "lat", "lon")
SELECT p."id", now(), p."municipality_code", p."name", p."kind", p."phase",
	coalesce(date_part('year', coalesce(p."opgeleverd_date", p."realisatie_date", p."ontwerp_date", p."initiatief_date")), date_part('year', p."created_at" AT TIME ZONE 'UTC'))::integer,
	p."dwellings", p."building_type", p."concept_name" IS NOT NULL AND btrim(p."concept_name") <> '', p."visibility" <> 'openbaar', p."owner_organisation_id", p."lat", p."lon"
FROM "projects" p
ON CONFLICT ("project_id") DO UPDATE SET
	"municipality_code" = EXCLUDED."municipality_code", "name" = EXCLUDED."name", "kind" = EXCLUDED."kind", "phase" = EXCLUDED."phase",
	"year" = EXCLUDED."year", "dwellings" = EXCLUDED."dwellings", "building_type" = EXCLUDED."building_type",
	"industrialised" = EXCLUDED."industrialised", "confidential" = EXCLUDED."confidential",
	"owner_organisation_id" = EXCLUDED."owner_organisation_id", "lat" = EXCLUDED."lat", "lon" = EXCLUDED."lon";
--> statement-breakpoint
ALTER TABLE "project_monitoring"
	ALTER COLUMN "municipality_code" SET NOT NULL,
	ALTER COLUMN "name" SET NOT NULL,
	ALTER COLUMN "kind" SET NOT NULL,
	ALTER COLUMN "phase" SET NOT NULL,
	ALTER COLUMN "year" SET NOT NULL,
	ALTER COLUMN "dwellings" SET NOT NULL,
	ALTER COLUMN "building_type" SET NOT NULL,
	ALTER COLUMN "industrialised" SET NOT NULL,
	ALTER COLUMN "confidential" SET NOT NULL,
	ALTER COLUMN "owner_organisation_id" SET NOT NULL;
--> statement-breakpoint
-- Dashboards filter by municipality (and often year) and read only these columns: an index-only scan, no heap pages.
CREATE INDEX "project_monitoring_dashboard_idx" ON "project_monitoring" USING btree ("municipality_code", "year") INCLUDE ("kind", "phase", "confidential", "owner_organisation_id", "project_id", "dwellings", "industrialised", "building_type", "official_mpg", "official_stored_carbon_t", "indicative_stored_carbon_t", "hnn_mpg", "hnn_embodied_carbon", "hnn_material_origin", "hnn_detachability");
