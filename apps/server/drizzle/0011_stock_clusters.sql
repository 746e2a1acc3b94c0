-- Kansenkaart: grid clusters of stock_points pre-aggregated per municipality and zoom level (0–15), so a whole-city
-- map view reads a few hundred cells instead of grouping every point on each request. Cell size at zoom z is
-- 64 screen pixels = 90 / 2^z degrees; cells nest (a zoom-z cell is four zoom-(z+1) cells), so each level is
-- aggregated from the one above. Refreshed per municipality in the import transaction (stock.repository.ts).
CREATE TABLE "stock_clusters" (
	"municipality_code" text NOT NULL,
	"zoom" smallint NOT NULL,
	"cell_x" integer NOT NULL,
	"cell_y" integer NOT NULL,
	"count" integer NOT NULL,
	"sum_lon" double precision NOT NULL,
	"sum_lat" double precision NOT NULL,
	"sum_splitsen" bigint NOT NULL,
	"max_splitsen" integer NOT NULL,
	"sum_optoppen" bigint NOT NULL,
	"max_optoppen" integer NOT NULL,
	"sum_transformatie" bigint NOT NULL,
	"max_transformatie" integer NOT NULL,
	CONSTRAINT "stock_clusters_pk" PRIMARY KEY ("zoom", "cell_x", "cell_y", "municipality_code")
);
--> statement-breakpoint
CREATE INDEX "stock_clusters_municipality_idx" ON "stock_clusters" ("municipality_code");
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 15, floor("lon" * 32768 / 90)::int, floor("lat" * 32768 / 90)::int, count(*)::int, sum("lon"), sum("lat"), sum("score_splitsen"), max("score_splitsen"), sum("score_optoppen"), max("score_optoppen"), sum("score_transformatie"), max("score_transformatie") FROM "stock_points" GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 14, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 15 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 13, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 14 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 12, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 13 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 11, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 12 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 10, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 11 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 9, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 10 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 8, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 9 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 7, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 8 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 6, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 7 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 5, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 6 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 4, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 5 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 3, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 4 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 2, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 3 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 1, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 2 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "stock_clusters" SELECT "municipality_code", 0, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_splitsen"), max("max_splitsen"), sum("sum_optoppen"), max("max_optoppen"), sum("sum_transformatie"), max("max_transformatie") FROM "stock_clusters" WHERE "zoom" = 1 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Kansenkaart rule sets per municipality: each save is a new version (the rules as validated JSON, see
-- packages/domain/src/opportunities/rules.ts); the newest scores the municipality's buildings. Without a row the
-- default rules-v1 apply.
CREATE TABLE "opportunity_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL REFERENCES "municipalities"("code"),
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"organisation_id" uuid REFERENCES "organisations"("id") ON DELETE SET NULL,
	"created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_rule_sets_version_key" UNIQUE ("municipality_code", "version")
);
