-- Kansenkaart: imported building stock per municipality, corporation stock lists (confidential, shared with
-- named organisations) and assessments (kandidaat / ongeschikt) per organisation. Hand-written: these tables are
-- defined in features/stock/stock.repository.ts, not in src/db/schema.ts.
CREATE TABLE "stock_buildings" (
	"bag_id" text PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL REFERENCES "municipalities"("code"),
	"imported_by_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"source" text NOT NULL,
	"footprint" jsonb NOT NULL,
	"min_lon" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lon" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"centroid_lon" double precision NOT NULL,
	"centroid_lat" double precision NOT NULL,
	"footprint_area_m2" double precision NOT NULL,
	"build_year" integer,
	"roof_type" text,
	"height_m" double precision,
	"storeys_estimate" integer,
	"use_functions" jsonb,
	"dwellings" integer,
	"floor_area_m2" double precision,
	"vacant" boolean,
	"dwelling_type" text,
	"score_splitsen" integer NOT NULL,
	"score_optoppen" integer NOT NULL,
	"score_transformatie" integer NOT NULL,
	"opportunities" jsonb NOT NULL,
	"neighbour_difference_m" double precision,
	"rules_version" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stock_buildings_municipality_idx" ON "stock_buildings" ("municipality_code");
--> statement-breakpoint
CREATE INDEX "stock_buildings_centroid_idx" ON "stock_buildings" ("centroid_lon", "centroid_lat");
--> statement-breakpoint
CREATE INDEX "stock_buildings_bbox_idx" ON "stock_buildings" ("min_lon", "max_lon", "min_lat", "max_lat");
--> statement-breakpoint
CREATE TABLE "stock_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
	"name" text NOT NULL,
	"municipality_code" text NOT NULL REFERENCES "municipalities"("code"),
	"row_count" integer NOT NULL,
	"created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stock_lists_owner_idx" ON "stock_lists" ("owner_organisation_id");
--> statement-breakpoint
CREATE TABLE "stock_list_shares" (
	"list_id" uuid NOT NULL REFERENCES "stock_lists"("id") ON DELETE CASCADE,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
	CONSTRAINT "stock_list_shares_pk" PRIMARY KEY ("list_id", "organisation_id")
);
--> statement-breakpoint
CREATE INDEX "stock_list_shares_org_idx" ON "stock_list_shares" ("organisation_id");
--> statement-breakpoint
CREATE TABLE "stock_list_rows" (
	"list_id" uuid NOT NULL REFERENCES "stock_lists"("id") ON DELETE CASCADE,
	"row_number" integer NOT NULL,
	"bag_id" text,
	"bag_id_type" text,
	"pand_id" text,
	"adres" text,
	"complexnummer" text NOT NULL,
	"woningtype" text NOT NULL,
	"oppervlakte_m2" double precision NOT NULL,
	"energielabel" text,
	"jaar_groot_onderhoud" integer,
	CONSTRAINT "stock_list_rows_pk" PRIMARY KEY ("list_id", "row_number")
);
--> statement-breakpoint
CREATE INDEX "stock_list_rows_pand_idx" ON "stock_list_rows" ("pand_id");
--> statement-breakpoint
CREATE TABLE "stock_assessments" (
	"bag_id" text NOT NULL REFERENCES "stock_buildings"("bag_id") ON DELETE CASCADE,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id") ON DELETE CASCADE,
	"status" text NOT NULL,
	"kind" text,
	"reason" text NOT NULL,
	"created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_assessments_pk" PRIMARY KEY ("bag_id", "organisation_id")
);
