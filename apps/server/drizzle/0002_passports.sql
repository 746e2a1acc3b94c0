-- Material passports: versions per project (whole passport as one jsonb document, ADR 0002), kept original IFC
-- files, per-organisation passport settings and material → profile mappings.
CREATE TABLE "material_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"material_name" text NOT NULL,
	"normalized_name" text NOT NULL,
	"profile_id" text NOT NULL,
	"origin" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passport_files" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passport_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"keep_original_ifc" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passport_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"based_on_version_id" uuid,
	"document" jsonb NOT NULL,
	"indicators" jsonb,
	"indicators_unavailable" text,
	"import_report" jsonb,
	"element_count" integer NOT NULL,
	"line_count" integer NOT NULL,
	"unmapped_count" integer NOT NULL,
	"mpg" double precision,
	"gwp_a1a5" double precision,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "passport_versions_published" CHECK (("passport_versions"."status" = 'vastgesteld') = ("passport_versions"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "material_mappings" ADD CONSTRAINT "material_mappings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_mappings" ADD CONSTRAINT "material_mappings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passport_files" ADD CONSTRAINT "passport_files_version_id_passport_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."passport_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passport_settings" ADD CONSTRAINT "passport_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passport_versions" ADD CONSTRAINT "passport_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passport_versions" ADD CONSTRAINT "passport_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passport_versions" ADD CONSTRAINT "passport_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "material_mappings_org_name_key" ON "material_mappings" USING btree ("organisation_id","normalized_name");--> statement-breakpoint
CREATE INDEX "material_mappings_profile_idx" ON "material_mappings" USING btree ("profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "passport_versions_project_number_key" ON "passport_versions" USING btree ("project_id","number");