-- Monitoring (issue 5): every indicator ledger entry records the project's phase at the moment it is written, so the
-- trend can say in which phase a value was recorded even when the phase dates are edited later or a phase was skipped
-- or re-entered. `phase_source`: 'vastgelegd' = copied from the project row by the trigger below in the same statement
-- as the insert; 'afgeleid' = entries written before this migration, backfilled with the phase the trend used to
-- derive (the last phase, up to the project's current one, whose start date lies on or before the UTC recording
-- date; null when none). The ledger stays append-only: the backfill is the one update these rows ever get.
ALTER TABLE "indicator_entries"
	ADD COLUMN "phase" text,
	ADD COLUMN "phase_source" text DEFAULT 'afgeleid' NOT NULL;
--> statement-breakpoint
UPDATE "indicator_entries" AS e SET "phase" = (
	SELECT ph."phase"
	FROM "projects" AS p
	CROSS JOIN LATERAL (VALUES
		(1, 'initiatief', p."initiatief_date"),
		(2, 'ontwerp', p."ontwerp_date"),
		(3, 'realisatie', p."realisatie_date"),
		(4, 'opgeleverd', p."opgeleverd_date")
	) AS ph("position", "phase", "start")
	WHERE p."id" = e."project_id"
		AND ph."position" <= array_position(ARRAY['initiatief', 'ontwerp', 'realisatie', 'opgeleverd']::text[], p."phase")
		AND ph."start" IS NOT NULL
		AND ph."start" <= (e."recorded_at" AT TIME ZONE 'UTC')::date
	ORDER BY ph."position" DESC
	LIMIT 1
);
--> statement-breakpoint
ALTER TABLE "indicator_entries" ALTER COLUMN "phase_source" SET DEFAULT 'vastgelegd';
--> statement-breakpoint
ALTER TABLE "indicator_entries"
	ADD CONSTRAINT "indicator_entries_phase_source_check" CHECK ("phase_source" IN ('vastgelegd', 'afgeleid')),
	ADD CONSTRAINT "indicator_entries_phase_recorded_check" CHECK ("phase_source" <> 'vastgelegd' OR "phase" IS NOT NULL);
--> statement-breakpoint
-- Every new entry, whoever writes it (a declaration, a withdrawal, the publish hook of a passport version), takes the
-- project's phase of that moment; a phase given by the writer is overruled, so 'vastgelegd' always means exactly this.
CREATE FUNCTION "indicator_entries_record_phase"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW."phase" := (SELECT p."phase" FROM "projects" AS p WHERE p."id" = NEW."project_id");
	NEW."phase_source" := 'vastgelegd';
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "indicator_entries_record_phase" BEFORE INSERT ON "indicator_entries" FOR EACH ROW EXECUTE FUNCTION "indicator_entries_record_phase"();
