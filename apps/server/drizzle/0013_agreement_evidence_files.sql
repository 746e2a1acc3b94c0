-- Prestatieafspraken: a document uploaded with the evidence of a procesafspraak (stored in the database, written in
-- the same transaction as its evidence row), and approvals that a party can withdraw while the version is unsigned.
-- A withdrawn approval keeps its row (withdrawn_at/withdrawn_by set); only approvals that are not withdrawn count, so
-- the uniqueness of an approval per organisation and revision applies to those only. The audit table and its
-- append-only triggers (0007) are unchanged.
CREATE TABLE "agreement_evidence_files" (
	"evidence_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" bytea NOT NULL,
	CONSTRAINT "agreement_evidence_files_size_check" CHECK ("size_bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE "agreement_evidence_files" ADD CONSTRAINT "agreement_evidence_files_evidence_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."agreement_evidence"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD COLUMN "withdrawn_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD COLUMN "withdrawn_by" uuid;
--> statement-breakpoint
DROP INDEX "agreement_approvals_once";
--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_approvals_once" ON "agreement_approvals" USING btree ("agreement_id", "revision", "organisation_id") WHERE "withdrawn_at" IS NULL;
