-- Kansenkaart: whole-city clusters per score bucket, so a map view filtered on a minimum score (the slider moves in
-- steps of 10) is read pre-aggregated too instead of grouping every point per request. bucket = floor(score / 10)
-- (0-10); "score >= t" with t a multiple of 10 is the sum of the buckets >= t / 10. Zoom levels 0-13 only: clusters
-- are drawn for views with more than 5 000 buildings, which are district- to city-wide. Refreshed with stock_clusters
-- in the import and rule-saving transactions (stock.repository.ts).
CREATE TABLE "stock_cluster_buckets" (
	"municipality_code" text NOT NULL,
	"zoom" smallint NOT NULL,
	"cell_x" integer NOT NULL,
	"cell_y" integer NOT NULL,
	"kind" text NOT NULL,
	"bucket" smallint NOT NULL,
	"count" integer NOT NULL,
	"sum_lon" double precision NOT NULL,
	"sum_lat" double precision NOT NULL,
	"sum_score" bigint NOT NULL,
	"max_score" integer NOT NULL,
	CONSTRAINT "stock_cluster_buckets_pk" PRIMARY KEY ("zoom", "kind", "cell_x", "cell_y", "bucket", "municipality_code")
);
--> statement-breakpoint
CREATE INDEX "stock_cluster_buckets_municipality_idx" ON "stock_cluster_buckets" ("municipality_code");
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 13, floor("lon" * 8192 / 90)::int, floor("lat" * 8192 / 90)::int, k."kind", least(floor(k."score" / 10.0), 10)::smallint, count(*)::int, sum("lon"), sum("lat"), sum(k."score"), max(k."score") FROM "stock_points" CROSS JOIN LATERAL (VALUES ('splitsen', "score_splitsen"), ('optoppen', "score_optoppen"), ('transformatie', "score_transformatie")) AS k("kind", "score") GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 12, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 13 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 11, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 12 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 10, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 11 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 9, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 10 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 8, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 9 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 7, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 8 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 6, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 7 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 5, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 6 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 4, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 5 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 3, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 4 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 2, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 3 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 1, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 2 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "stock_cluster_buckets" SELECT "municipality_code", 0, floor("cell_x" / 2.0)::int, floor("cell_y" / 2.0)::int, "kind", "bucket", sum("count")::int, sum("sum_lon"), sum("sum_lat"), sum("sum_score"), max("max_score") FROM "stock_cluster_buckets" WHERE "zoom" = 1 GROUP BY 1, 2, 3, 4, 5, 6;
