CREATE TABLE "indicator_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"project_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"source" text NOT NULL,
	"value" double precision,
	"withdraws_entry_id" uuid,
	"passport_version_id" uuid,
	"passport_version_number" integer,
	"data_versions" jsonb,
	"tool" text,
	"tool_version" text,
	"nmd_version" text,
	"calculation_date" date,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indicator_entries_value_check" CHECK (("indicator_entries"."withdraws_entry_id" is null) = ("indicator_entries"."value" is not null))
);
--> statement-breakpoint
CREATE TABLE "indicator_reports" (
	"entry_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_monitoring" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"official_mpg" double precision,
	"indicative_mpg" double precision,
	"official_stored_carbon_t" double precision,
	"indicative_stored_carbon_t" double precision,
	"hnn" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_entries" ADD CONSTRAINT "indicator_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_entries" ADD CONSTRAINT "indicator_entries_passport_version_id_passport_versions_id_fk" FOREIGN KEY ("passport_version_id") REFERENCES "public"."passport_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_entries" ADD CONSTRAINT "indicator_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reports" ADD CONSTRAINT "indicator_reports_entry_id_indicator_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."indicator_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_monitoring" ADD CONSTRAINT "project_monitoring_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_entries_project_idx" ON "indicator_entries" USING btree ("project_id","seq");