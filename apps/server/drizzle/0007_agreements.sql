CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"municipality_code" text NOT NULL,
	"period_start_year" integer NOT NULL,
	"period_end_year" integer NOT NULL,
	"visibility" text NOT NULL,
	"state" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"working_version" integer DEFAULT 1 NOT NULL,
	"signed_version" integer,
	"bid_submitted_at" timestamp with time zone,
	"negotiation_started_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"evaluations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_period_check" CHECK ("agreements"."period_end_year" >= "agreements"."period_start_year"),
	CONSTRAINT "agreements_visibility_check" CHECK ("agreements"."visibility" in ('openbaar', 'partijen')),
	CONSTRAINT "agreements_state_check" CHECK ("agreements"."state" in ('concept', 'bod', 'onderhandeling', 'ondertekend', 'wijziging', 'evaluatie', 'afgerond'))
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"tenants_of_organisation_id" uuid,
	"position" integer NOT NULL,
	CONSTRAINT "agreement_parties_pk" PRIMARY KEY ("agreement_id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	CONSTRAINT "agreement_versions_pk" PRIMARY KEY ("agreement_id", "number")
);
--> statement-breakpoint
CREATE TABLE "agreement_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"revision" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_approvals_once" ON "agreement_approvals" USING btree ("agreement_id", "revision", "organisation_id");
--> statement-breakpoint
CREATE TABLE "agreement_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"note" text NOT NULL,
	"date" date NOT NULL,
	"document_title" text,
	"document_url" text,
	"organisation_id" uuid NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "agreement_evidence_agreement_idx" ON "agreement_evidence" USING btree ("agreement_id");
--> statement-breakpoint
CREATE TABLE "agreement_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"commitment_id" uuid,
	"body" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"evaluation_year" integer,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "agreement_comments_agreement_idx" ON "agreement_comments" USING btree ("agreement_id", "created_at");
--> statement-breakpoint
CREATE TABLE "agreement_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"agreement_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid,
	"version_number" integer,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "agreement_audit_agreement_idx" ON "agreement_audit" USING btree ("agreement_id", "seq");
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"agreement_id" uuid NOT NULL,
	"commitment_id" uuid,
	"actor_id" uuid,
	"organisation_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id", "created_at");
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_municipality_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD CONSTRAINT "agreement_approvals_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD CONSTRAINT "agreement_approvals_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_evidence" ADD CONSTRAINT "agreement_evidence_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_evidence" ADD CONSTRAINT "agreement_evidence_recorded_by_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_audit" ADD CONSTRAINT "agreement_audit_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION "agreement_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'agreement_audit is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "agreement_audit_no_update" BEFORE UPDATE OR DELETE ON "agreement_audit" FOR EACH ROW EXECUTE FUNCTION "agreement_audit_append_only"();
--> statement-breakpoint
CREATE TRIGGER "agreement_audit_no_truncate" BEFORE TRUNCATE ON "agreement_audit" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_audit_append_only"();
--> statement-breakpoint
CREATE FUNCTION "agreement_versions_signed_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.signed_at IS NOT NULL THEN
		RAISE EXCEPTION 'agreement version %/% is signed and cannot change', OLD.agreement_id, OLD.number USING ERRCODE = 'restrict_violation';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "agreement_versions_signed_no_change" BEFORE UPDATE OR DELETE ON "agreement_versions" FOR EACH ROW EXECUTE FUNCTION "agreement_versions_signed_immutable"();
