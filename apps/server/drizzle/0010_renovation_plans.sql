-- Kansenkaart §5: a corporation's 10-year renovation and sustainability plan (per complex or buurt, year,
-- intervention, dwellings), shared like stock lists, and neighbourhoods parties designate for extra attention.
-- Stock-list rows get the buurt the corporation names, from which the plan's area outlines are drawn.
ALTER TABLE "stock_list_rows" ADD COLUMN "buurt" text;
--> statement-breakpoint
CREATE TABLE "renovation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
	"municipality_code" text NOT NULL REFERENCES "municipalities"("code"),
	"name" text NOT NULL,
	"created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "renovation_plans_owner_idx" ON "renovation_plans" ("owner_organisation_id");
--> statement-breakpoint
CREATE INDEX "renovation_plans_municipality_idx" ON "renovation_plans" ("municipality_code");
--> statement-breakpoint
CREATE TABLE "renovation_plan_shares" (
	"plan_id" uuid NOT NULL REFERENCES "renovation_plans"("id") ON DELETE CASCADE,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
	CONSTRAINT "renovation_plan_shares_pk" PRIMARY KEY ("plan_id", "organisation_id")
);
--> statement-breakpoint
CREATE INDEX "renovation_plan_shares_org_idx" ON "renovation_plan_shares" ("organisation_id");
--> statement-breakpoint
CREATE TABLE "renovation_plan_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL REFERENCES "renovation_plans"("id") ON DELETE CASCADE,
	"year" integer NOT NULL CHECK ("year" BETWEEN 2000 AND 2100),
	"intervention" text NOT NULL,
	"dwellings" integer NOT NULL CHECK ("dwellings" BETWEEN 1 AND 100000),
	"complexnummer" text,
	"buurt" text,
	"circular_ambition" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renovation_plan_rows_area_check" CHECK ("complexnummer" IS NOT NULL OR "buurt" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "renovation_plan_rows_plan_idx" ON "renovation_plan_rows" ("plan_id", "year");
--> statement-breakpoint
CREATE TABLE "neighbourhood_designations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
	"municipality_code" text NOT NULL REFERENCES "municipalities"("code"),
	"buurt" text NOT NULL,
	"categories" jsonb NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "neighbourhood_designations_municipality_idx" ON "neighbourhood_designations" ("municipality_code");
--> statement-breakpoint
CREATE TABLE "neighbourhood_designation_shares" (
	"designation_id" uuid NOT NULL REFERENCES "neighbourhood_designations"("id") ON DELETE CASCADE,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
	CONSTRAINT "neighbourhood_designation_shares_pk" PRIMARY KEY ("designation_id", "organisation_id")
);
--> statement-breakpoint
CREATE INDEX "neighbourhood_designation_shares_org_idx" ON "neighbourhood_designation_shares" ("organisation_id");
