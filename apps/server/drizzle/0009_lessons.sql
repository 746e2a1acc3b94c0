CREATE TABLE "lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"year" integer NOT NULL,
	"theme" text NOT NULL,
	"accelerators" text NOT NULL,
	"blockers" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lessons_content_check" CHECK (length(trim("accelerators")) > 0 OR length(trim("blockers")) > 0)
);
--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lessons_year_idx" ON "lessons" USING btree ("year","organisation_id");
