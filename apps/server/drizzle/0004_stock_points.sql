-- Kansenkaart: a narrow copy of each building's centroid, build year, roof type and scores. Map views that show
-- centroids or clusters scan this (≈ 70 bytes a row) instead of the wide stock_buildings rows with their JSON.
CREATE TABLE "stock_points" (
	"bag_id" text PRIMARY KEY NOT NULL REFERENCES "stock_buildings"("bag_id") ON DELETE CASCADE,
	"municipality_code" text NOT NULL,
	"lon" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"build_year" integer,
	"roof_type" text,
	"score_splitsen" integer NOT NULL,
	"score_optoppen" integer NOT NULL,
	"score_transformatie" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stock_points_lon_lat_idx" ON "stock_points" ("lon", "lat");
--> statement-breakpoint
INSERT INTO "stock_points" SELECT "bag_id", "municipality_code", "centroid_lon", "centroid_lat", "build_year", "roof_type", "score_splitsen", "score_optoppen", "score_transformatie" FROM "stock_buildings";
