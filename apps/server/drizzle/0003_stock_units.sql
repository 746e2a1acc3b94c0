-- Kansenkaart: BAG verblijfsobject → pand links, so stock-list rows that name a verblijfsobject (the usual id in a
-- corporation's administration) find their building once the municipality's verblijfsobjecten are imported.
CREATE TABLE "stock_units" (
	"vbo_id" text NOT NULL,
	"pand_id" text NOT NULL,
	"municipality_code" text NOT NULL REFERENCES "municipalities"("code"),
	CONSTRAINT "stock_units_pk" PRIMARY KEY ("vbo_id", "pand_id")
);
--> statement-breakpoint
CREATE INDEX "stock_units_pand_idx" ON "stock_units" ("pand_id");
--> statement-breakpoint
CREATE INDEX "stock_list_rows_bag_idx" ON "stock_list_rows" ("bag_id");
